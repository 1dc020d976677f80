/** The job search last shown in this tab, so "All jobs" on a job's page returns to it. */
const KEY = 'fitwork.lastSearch';

export function rememberSearch(query: string): void {
  try {
    sessionStorage.setItem(KEY, query);
  } catch {
    // Storage can be off (private mode, policy): the link then leads to a fresh search.
  }
}

export function lastSearchHref(): string {
  try {
    const query = sessionStorage.getItem(KEY) ?? '';
    return query.startsWith('?') ? `/jobs${query}` : '/jobs';
  } catch {
    return '/jobs';
  }
}
