/**
 * The server renderer as the app receives it: web/src/entry-server.tsx, built by
 * `vite build --ssr` into dist/ssr/entry-server.js (Solid's JSX compiled for the server). The
 * Node entry imports the built file, the worker bundles it; this is its type.
 */
import type * as EntryServer from '../../web/src/entry-server.tsx';

export type PageRenderer = Pick<typeof EntryServer, 'documentTemplate' | 'renderApp'>;
