import { A } from '@solidjs/router';

export default function NotFound() {
  return (
    <section class="panel narrow">
      <h1>Page not found</h1>
      <p>This page does not exist. <A href="/">Go to the start page</A>.</p>
    </section>
  );
}
