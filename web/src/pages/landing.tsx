import { useNavigate } from '@solidjs/router';
import { createSignal } from 'solid-js';

export default function Landing() {
  const navigate = useNavigate();
  const [q, setQ] = createSignal('');
  return (
    <section class="hero">
      <h1>Find the work that fits you</h1>
      <p class="lead">Upload your resume and see the jobs that match your skills, with a plain explanation of why.</p>
      <form
        class="search-bar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(`/jobs?q=${encodeURIComponent(q().trim())}`);
        }}
      >
        <label for="landing-q" class="visually-hidden">Search jobs</label>
        <input id="landing-q" type="search" placeholder="Job title, skill or company" value={q()} onInput={(e) => setQ(e.currentTarget.value)} />
        <button type="submit" class="button">Search jobs</button>
      </form>
    </section>
  );
}
