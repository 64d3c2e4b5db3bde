// Parsed goals for core tests: every field defaulted as the tab reader leaves a blank row.
import type { Goal } from '../../src/core/model';

export type GoalSpec = Partial<Goal> & { id: string };

/** A goal with the spec's fields over the test file's defaults. */
export function makeGoal(spec: GoalSpec, index = 0, defaults: Partial<Goal> = {}): Goal {
  const parent = spec.parent ?? defaults.parent ?? '';
  return {
    index,
    tab: 'Goals',
    row: index + 2,
    title: `Goal ${spec.id}`,
    owner: '',
    type: '',
    metric: '',
    unit: '',
    direction: 'higher',
    baseline: null,
    target: null,
    targetMax: null,
    actual: null,
    progress: null,
    weight: null,
    contribution: null,
    rollup: null,
    period: '',
    cap: null,
    floor: null,
    gate: null,
    threshold: null,
    stretch: null,
    confidence: null,
    note: '',
    phaseTargets: null,
    synthesized: false,
    blocked: false,
    columns: {},
    ...defaults,
    ...spec,
    // Trimmed, as the tab reader leaves them: the core compares IDs as they are.
    id: spec.id.trim(),
    parent: parent.trim(),
  };
}
