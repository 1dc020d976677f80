/**
 * Every email the platform sends, in one place: a clear subject, a plain-text and an HTML part,
 * and the one link that acts. No personal data beyond what the recipient already knows (no names,
 * no other people's addresses); links carry their token in the fragment (#token=...), which
 * browsers never send to a server, so no request log or Referer can hold it.
 */
export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

const PRODUCT = 'Fitwork';

function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

interface Layout {
  subject: string;
  lines: string[];
  action?: { label: string; url: string };
  footer: string;
  /** A link in the footer that turns this kind of message off (also sent as List-Unsubscribe). */
  unsubscribe?: { label: string; url: string };
}

/** One layout for every message: paragraphs, an action button with its link spelled out, a footer. */
function render({ subject, lines, action, footer, unsubscribe }: Layout): MailContent {
  const stop = unsubscribe ? [`${unsubscribe.label}: ${unsubscribe.url}`] : [];
  const text = [...lines, ...(action ? [`${action.label}: ${action.url}`] : []), '', `— ${PRODUCT}`, footer, ...stop]
    .join('\n\n')
    .replace(/\n\n\n\n/g, '\n\n');
  const paragraphs = lines.map((l) => `<p style="margin:0 0 16px">${escapeHtml(l)}</p>`).join('');
  const button = action
    ? `<p style="margin:24px 0"><a href="${escapeHtml(action.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;font-weight:600">${escapeHtml(action.label)}</a></p>` +
      `<p style="margin:0 0 16px;font-size:13px;color:#555">If the button does not work, open this link: <a href="${escapeHtml(action.url)}">${escapeHtml(action.url)}</a></p>`
    : '';
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>` +
    `<body style="margin:0;padding:24px;background:#f5f5f4;font-family:system-ui,-apple-system,Segoe UI,sans-serif;color:#1c1917;line-height:1.5">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:32px">` +
    `<p style="margin:0 0 24px;font-weight:700;font-size:18px">${PRODUCT}</p>${paragraphs}${button}` +
    `<p style="margin:32px 0 0;font-size:12px;color:#78716c">${escapeHtml(footer)}</p>` +
    (unsubscribe
      ? `<p style="margin:8px 0 0;font-size:12px"><a href="${escapeHtml(unsubscribe.url)}" style="color:#57534e">${escapeHtml(unsubscribe.label)}</a></p>`
      : '') +
    '</div></body></html>';
  return { subject, text, html };
}

/** A notification: what happened, the page that shows it, and how to stop this kind of email. */
function notificationMail(input: {
  title: string;
  body: string;
  link: string;
  unsubscribeUrl: string;
  kindLabel: string;
}): MailContent {
  return render({
    subject: input.title,
    lines: [input.body],
    action: { label: 'Open in Fitwork', url: input.link },
    footer: `You get this email because "${input.kindLabel}" is on in your notification settings. To stop these emails, open: ${input.unsubscribeUrl}`,
  });
}

const NOT_YOU = 'If you did not ask for this, you can ignore this email: nothing changes.';

export const templates = {
  verifyEmail: (link: string) =>
    render({
      subject: `Confirm your email address for ${PRODUCT}`,
      lines: [
        'Welcome to Fitwork. Confirm that this address is yours, so we can reach you about your account.',
        'The link works for 7 days.',
      ],
      action: { label: 'Confirm my email address', url: link },
      footer: `You get this email because an account was created with this address. ${NOT_YOU}`,
    }),

  passwordReset: (link: string) =>
    render({
      subject: `Reset your ${PRODUCT} password`,
      lines: [
        'Someone asked to reset the password of the Fitwork account with this address.',
        'The link works once, for 1 hour. Setting a new password signs you out everywhere.',
      ],
      action: { label: 'Choose a new password', url: link },
      footer: NOT_YOU,
    }),

  emailChange: (link: string) =>
    render({
      subject: `Confirm your new email address for ${PRODUCT}`,
      lines: [
        'Someone asked to move a Fitwork account to this address. Confirm it to finish the change.',
        'The link works once, for 24 hours.',
      ],
      action: { label: 'Confirm the new address', url: link },
      footer: NOT_YOU,
    }),

  emailChangeRequested: () =>
    render({
      subject: `Your ${PRODUCT} email address is being changed`,
      lines: [
        'Someone signed in to your Fitwork account asked to move it to another email address. The change happens only when the new address is confirmed.',
        'If this was not you, change your password now: that ends every session.',
      ],
      footer: 'You get this email because it concerns the security of your account.',
    }),

  /** A saved search's digest: the new jobs, the search itself, and one-click unsubscribe from this alert. */
  alertDigest: (digest: {
    query: string;
    frequency: 'daily' | 'weekly';
    jobs: DigestJob[];
    more: number;
    searchUrl: string;
    unsubscribeUrl: string;
  }) =>
    render({
      subject: `${countOf(digest.jobs.length + digest.more, 'new job')} for ${digest.query ? `“${digest.query}”` : 'your job alert'}`,
      lines: [
        `New since your last ${digest.frequency === 'daily' ? 'daily' : 'weekly'} alert for ${digest.query ? `“${digest.query}”` : 'your saved search'}:`,
        ...digest.jobs.map(jobLine),
        ...(digest.more > 0 ? [`And ${countOf(digest.more, 'more job')} in the search.`] : []),
      ],
      action: { label: 'See the search', url: digest.searchUrl },
      footer: `You get this email because you asked for ${digest.frequency} alerts for this search on ${PRODUCT}.`,
      unsubscribe: { label: 'Unsubscribe from this alert', url: digest.unsubscribeUrl },
    }),

  /** New matches over the seeker's threshold, for jobs never mentioned to them before. */
  matchDigest: (digest: {
    jobs: (DigestJob & { score: number })[];
    matchesUrl: string;
    unsubscribeUrl: string;
    threshold: number;
  }) =>
    render({
      subject: `${countOf(digest.jobs.length, 'new job')} ${digest.jobs.length === 1 ? 'fits' : 'fit'} your profile`,
      lines: [
        `New jobs that match your profile at ${digest.threshold}% or more:`,
        ...digest.jobs.map((job) => `${jobLine(job)} (${Math.round(job.score * 100)}% match)`),
      ],
      action: { label: 'See your matches', url: digest.matchesUrl },
      footer: `You get this email because new-match emails are on in your ${PRODUCT} alert settings.`,
      unsubscribe: { label: 'Stop emails about new matches', url: digest.unsubscribeUrl },
    }),
  teamInvitation: (link: string, role: string) =>
    render({
      subject: `You are invited to join a hiring team on ${PRODUCT}`,
      lines: [
        `A company on Fitwork invites you to its hiring team as ${role === 'interviewer' ? 'an' : 'a'} ${role}. Accept with your account, or create one with this address.`,
        'The link works once, for 7 days.',
      ],
      action: { label: 'Join the team', url: link },
      footer: `You get this email because an owner of the company entered this address. ${NOT_YOU}`,
    }),

  /** An interview's news (times proposed, scheduled, moved, cancelled): the times, and the page that shows it. */
  interview: (message: { subject: string; lines: string[]; link: string }) =>
    render({
      subject: message.subject,
      lines: message.lines,
      action: { label: 'Open in Fitwork', url: message.link },
      footer: `You get this email because you take part in this interview on ${PRODUCT}; a calendar invitation, when there is one, is attached.`,
    }),
} satisfies Record<string, (...args: never[]) => MailContent>;

export const notificationTemplates = { notification: notificationMail };

export interface DigestJob {
  title: string;
  companyName: string;
  location: string | null;
  url: string;
}

const countOf = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const jobLine = (job: DigestJob) =>
  `${job.title}, ${job.companyName}${job.location ? ` (${job.location})` : ''}: ${job.url}`;
