import { useQuery } from '@tanstack/solid-query';
import { Show } from 'solid-js';
import { trpc } from '../lib/trpc.ts';
import { ScoreBar, SkillChips } from './ui.tsx';

/** A signed-in seeker's own match with this job: the score and the reasons, when there is one. */
export function MyMatch(props: { jobId: number }) {
  const match = useQuery(() => ({
    queryKey: ['matches', 'mineForJob', props.jobId],
    queryFn: () => trpc.matches.mineForJob.query({ jobId: props.jobId }),
  }));
  return (
    <Show when={match.data}>
      {(m) => (
        <section class="panel" aria-labelledby="my-match-title">
          <h2 id="my-match-title">Your match: {Math.round(m().overallScore * 100)}%</h2>
          <ScoreBar label="Skills" score={m().skillMatchScore} />
          <ScoreBar label="Resume fit" score={m().semanticScore} />
          <Show when={m().reasoning}>
            <p>{m().reasoning}</p>
          </Show>
          <Show when={m().matchedSkills.length}>
            <SkillChips kind="matched" skills={m().matchedSkills} />
          </Show>
          <Show when={m().missingSkills.length}>
            <SkillChips kind="missing" skills={m().missingSkills} />
          </Show>
        </section>
      )}
    </Show>
  );
}
