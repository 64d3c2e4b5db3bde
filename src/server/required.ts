// What would it take, for the sidebar: the cascade inverted for one goal and a level, as plain JSON.
import { idKey } from '../core/graph';
import { describeRequirement, requiredFor } from '../core/required';
import { loadAnalysis } from './analyze';
import type { RequiredView } from './api';
import type { ServerContext } from './context';
import { finite } from './views';

/** For the goal `id` to reach `level`, the Actual each goal feeding it needs (requiredFor); an unknown ID is refused. */
export function getRequired(ctx: ServerContext, id: string, level: number): RequiredView {
  const { analysis } = loadAnalysis(ctx, ctx.now());
  const index = analysis.links.indexByKey.get(idKey(id));
  if (index === undefined) throw new Error(`No goal has the ID "${id}" now: refresh the cascade.`);
  const { goals } = analysis;
  const goal = goals[index];
  return {
    id: goal.id,
    title: goal.title,
    level,
    final: finite(analysis.results.at(index).final),
    requirements: requiredFor(analysis, index, level).map((r) => {
      const g = goals[r.index];
      return {
        id: g.id,
        title: g.title,
        tab: g.tab,
        row: g.row,
        unit: g.unit,
        via: r.via.map((v) => goals[v].id),
        verdict: r.verdict,
        actual: finite(g.actual),
        actualNeeded: r.verdict === 'needs' ? finite(r.actual) : null,
        attainmentNeeded: r.verdict === 'any' ? null : finite(r.needed),
        message: describeRequirement(r, goals),
      };
    }),
  };
}
