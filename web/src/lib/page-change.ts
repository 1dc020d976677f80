/**
 * After a navigation inside the app: the tab names the page (its h1), and focus moves to that
 * heading so a screen reader announces the new page, as a full page load would. The h1 may
 * appear only once the page's chunk or data has arrived, so the main region is watched a while.
 */
const SITE = 'Fitwork';
const WAIT_MS = 10_000;

export function pageTitle(heading: string | null | undefined): string {
  const text = heading?.replace(/\s+/g, ' ').trim();
  return text ? `${text} | ${SITE}` : SITE;
}

export function announcePage(main: HTMLElement, moveFocus: boolean): () => void {
  document.title = SITE; // never the previous page's name while this one loads
  let observedHeading: HTMLHeadingElement | null = null;
  const settle = () => {
    const heading = main.querySelector('h1');
    if (!heading) return;
    document.title = pageTitle(heading.textContent);
    if (heading === observedHeading) return;
    observedHeading = heading;
    // Not when the person has already moved on into the page (typing, tabbing).
    const active = document.activeElement;
    const untouched = !active || !main.contains(active) || active.tagName === 'H1';
    if (moveFocus && untouched) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  };
  const observer = new MutationObserver(settle);
  observer.observe(main, { childList: true, subtree: true, characterData: true });
  const timer = setTimeout(() => observer.disconnect(), WAIT_MS);
  settle();
  return () => {
    clearTimeout(timer);
    observer.disconnect();
  };
}
