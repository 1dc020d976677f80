/**
 * `npm run matching:evaluate -- <algorithm> [baseline]`: replays the stored feedback against a
 * candidate algorithm and the baseline (blend-v1 by default) on the configured database.
 */
import { openNodeDatabase } from '../../db/client.ts';
import { ALGORITHMS, algorithmNamed, DEFAULT_ALGORITHM } from '../matching/algorithms.ts';
import { evaluateRanking, loadLabelledMatches, TOP_K, type OfflineMetrics } from '../experiments/offline-eval.ts';
import { parseConfig } from '../config.ts';

const [candidateName, baselineName = DEFAULT_ALGORITHM] = process.argv.slice(2);
if (!candidateName || !ALGORITHMS[candidateName] || !ALGORITHMS[baselineName]) {
  console.error(
    `Usage: npm run matching:evaluate -- <algorithm> [baseline]\nAlgorithms: ${Object.keys(ALGORITHMS).join(', ')}`,
  );
  process.exit(2);
}

const database = await openNodeDatabase(parseConfig(process.env));
try {
  const matches = await loadLabelledMatches(database.db);
  const results = [
    evaluateRanking(matches, algorithmNamed(baselineName)),
    evaluateRanking(matches, algorithmNamed(candidateName)),
  ];
  const show = (v: number | null) => (v === null ? 'n/a' : v.toFixed(3));
  console.log(`Replayed the feedback of ${results[0]!.seekers} seekers (${matches.length} matches).`);
  console.log(
    ['algorithm', 'MRR of applied', `applied in top ${TOP_K}`, `not relevant in top ${TOP_K} (lower is better)`].join(
      ' | ',
    ),
  );
  for (const r of results as OfflineMetrics[])
    console.log(
      [r.algorithm, show(r.meanReciprocalRank), show(r.appliedInTopK), show(r.notRelevantInTopK)].join(' | '),
    );
} finally {
  await database.close();
}
