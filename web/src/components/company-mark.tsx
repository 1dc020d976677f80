/**
 * A company's initials on a colour of its own, beside its name: employers upload no logos yet, and
 * initials let a reader tell companies apart at a glance. Decorative (the name follows it), so
 * hidden from assistive technology; the initials come from CSS so copied text stays the name.
 */
import { initialsOf, paletteIndexOf } from '../lib/initials.ts';

export function CompanyMark(props: { name: string }) {
  return (
    <span
      class={`company-mark company-mark-${paletteIndexOf(props.name)}`}
      data-initials={initialsOf(props.name)}
      aria-hidden="true"
    />
  );
}
