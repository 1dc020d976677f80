/** Fitwork's mark: an F on the brand blue with a green dot for "a fit found" (also web/public/favicon.svg). */
export function LogoMark(props: { size?: number }) {
  return (
    <svg width={props.size ?? 28} height={props.size ?? 28} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="#0b5cad" />
      <path d="M9 24V8h13v3.4h-9.2v3.3h8v3.4h-8V24z" fill="#fff" />
      <circle cx="23.5" cy="21.5" r="3" fill="#7dd3a8" />
    </svg>
  );
}
