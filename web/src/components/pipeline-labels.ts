/** The board's words: columns, move buttons and rejection reasons. */
export const COLUMNS = ['submitted', 'reviewed', 'interview', 'offer', 'accepted', 'rejected', 'withdrawn'] as const;
export type Column = (typeof COLUMNS)[number];
export type EmployerMove = 'reviewed' | 'interview' | 'offer' | 'accepted' | 'rejected';

export const COLUMN_LABEL: Record<Column, string> = {
  submitted: 'New',
  reviewed: 'Reviewed',
  interview: 'Interview',
  offer: 'Offer',
  accepted: 'Hired',
  rejected: 'Not selected',
  withdrawn: 'Withdrawn',
};

export const MOVE_LABEL: Record<EmployerMove, string> = {
  reviewed: 'Mark reviewed',
  interview: 'Interview',
  offer: 'Make offer',
  accepted: 'Hire',
  rejected: 'Reject…',
};

export const REJECTION_REASON_LABEL: Record<string, string> = {
  skills_mismatch: 'Skills do not match the role',
  experience_level: 'Experience level',
  location: 'Location or work arrangement',
  position_filled: 'The position was filled',
  other_candidate: 'Another candidate was a closer fit',
  withdrawn_position: 'The position was withdrawn',
  other: 'Other',
};
