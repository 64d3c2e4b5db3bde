// Each custom function's documentation: kept out of the runtime bundle (every custom-function call loads it), read by the build and the README generator.
//
// A custom function is declared in two places: its runtime row in define() (name, parameter names, example: what the
// argument checks need) and its entry here (what Sheets' autocomplete and the README show). The runtime never imports
// this file; tools/build.mjs bundles it apart to write the JSDoc of dist/globals.js, and tools/docs.ts writes the
// README's reference from it. test/functions/docs.test.ts checks that every function and parameter has docs here.
import type { FunctionSpec, ParamSpec } from './spec';

export interface ParamDoc {
  /** JSDoc type shown by Sheets' autocomplete, e.g. `number|Range`. */
  type: string;
  help: string;
}

export interface FunctionDoc {
  summary: string;
  /** By parameter name, as the runtime spec names them. */
  params: Record<string, ParamDoc>;
  returns: string;
}

/** A runtime spec with its documentation: what the forwarders' JSDoc and the README are generated from. */
export type DocumentedSpec = Omit<FunctionSpec, 'params'> & {
  summary: string;
  params: (ParamSpec & ParamDoc)[];
  returns: string;
};

export const FUNCTION_DOCS: Record<string, FunctionDoc> = {
  MBO_ATTAINMENT: {
    summary: 'Attainment of actuals against targets (1 = 100%), capped; same shape as actual.',
    params: {
      actual: { type: 'number|Range', help: 'The actual value(s); blank = not measured.' },
      target: {
        type: 'number|Range',
        help: 'The target(s): one value or a range the size of actual; "40-60" for range goals.',
      },
      baseline: { type: 'number|Range', help: 'Starting value(s); default 0.' },
      direction: { type: 'string|Range', help: 'higher (default), lower, range or binary.' },
      cap: { type: 'number', help: 'Highest attainment counted; default 150%.' },
    },
    returns: 'Attainment as a fraction, one per actual; blank where actual is blank.',
  },
  MBO_STATUS: {
    summary: 'On track, at risk or off track: attainment against the share of the period elapsed.',
    params: {
      attainment: { type: 'number|Range', help: 'Attainment(s) as fractions (1 = 100%).' },
      elapsed: {
        type: 'number|Range',
        help: 'Share of the period elapsed, from 0 to 1 (e.g. 50% at mid-year).',
      },
    },
    returns: 'A status per attainment: on track, at risk, off track or not measured.',
  },
  MBO_SCORE: {
    summary: "Each owner's weighted score: sum(weight × attainment) / sum(weight).",
    params: {
      owners: { type: 'Range', help: 'The Owner column.' },
      weights: { type: 'Range', help: 'The Weight column (fractions or percent points).' },
      attainment: {
        type: 'Range',
        help: "Each goal's final attainment (fractions), as the Roll-up tab scores it: MBO_ROLLUP's result; MBO_ATTAINMENT alone leaves out goals that only roll up.",
      },
      owner: { type: 'string', help: 'One owner: return just their score.' },
    },
    returns: 'Two columns (owner, score), one row per owner in order of appearance; or one score.',
  },
  MBO_PAYOUT: {
    summary:
      'Payout share for attainment on a piecewise-linear curve: 0 below the first point, flat after the last.',
    params: {
      attainment: { type: 'number|Range', help: 'Attainment(s) or score(s) as fractions.' },
      curve: {
        type: 'Range',
        help: 'Two columns of (attainment, payout) points, e.g. 80%/50%, 100%/100%, 120%/150%.',
      },
    },
    returns: 'The payout share for each attainment, same shape.',
  },
  MBO_NPS: {
    summary: 'Net Promoter Score of 0-10 answers: % of 9-10 minus % of 0-6, from -100 to 100.',
    params: {
      scores: { type: 'Range', help: 'Survey answers, whole numbers from 0 to 10.' },
    },
    returns: 'The NPS, from -100 to 100; blank when there are no answers.',
  },
  MBO_ROLLUP: {
    summary: "Final attainment of every goal: its own where measured, else the roll-up of its children's.",
    params: {
      ids: { type: 'Range', help: 'The ID column; stack tabs with {A!A2:A; B!A2:A}.' },
      parents: { type: 'Range', help: 'The Parent column, same height as ids.' },
      attainment: { type: 'Range', help: 'Measured attainment per goal (fractions); blank = not measured.' },
      contribution: { type: 'Range', help: "Share of the parent's roll-up; blank = equal share." },
      method: { type: 'string|Range', help: 'average (default), min or own: one for all, or a column.' },
    },
    returns: 'A column of final attainment, one per id.',
  },
  MBO_CASCADE: {
    summary: 'The whole cascade from goal tables with headers: one row per goal, parents before children.',
    params: {
      table: {
        type: 'Range',
        help: 'A goal table including its header row (ID, Goal, Parent, Target, Actual, ...).',
      },
      table2: { type: 'Range', help: 'More goal tables, from other tabs.' },
    },
    returns: 'A table: ID, Goal, Owner, Parent, Depth, Path, Measured, Rolled up, Attainment, Status.',
  },
  MBO_VALIDATE: {
    summary: 'Every problem in goal tables: one row per issue with what to fix.',
    params: {
      table: { type: 'Range', help: 'A goal table including its header row.' },
      table2: { type: 'Range', help: 'More goal tables, from other tabs.' },
    },
    returns:
      'A table: ID, Row, Column, Severity, Code, Message (row numbers count from the top of each range).',
  },
  MBO_PATH: {
    summary: 'The chain of IDs from the top of the cascade down to a goal, e.g. CMO-1 › DG-2 › DG-7.',
    params: {
      id: { type: 'string|Range', help: 'The goal ID(s) to trace.' },
      ids: { type: 'Range', help: 'The ID column (stack tabs with {A!A2:A; B!A2:A}).' },
      parents: { type: 'Range', help: 'The Parent column, same height as ids.' },
    },
    returns:
      'The path of each id, same shape as id; a path of more than 12 IDs names its first and last three and counts the rest.',
  },
  MBO_REQUIRED: {
    summary:
      'What it would take: the Actual each goal feeding a parent needs, on its own (the others as they are), for the parent to reach a level.',
    params: {
      id: { type: 'string', help: 'The ID of the goal to lift.' },
      level: { type: 'number', help: 'The final attainment it should reach, e.g. 100%.' },
      table: { type: 'Range', help: 'A goal table including its header row.' },
      table2: { type: 'Range', help: 'More goal tables, from other tabs.' },
    },
    returns:
      'A table: ID, Goal, Via (the goals between), Actual, Actual needed, Attainment needed, Why (out of reach: caps, done-or-not goals, min roll-ups…).',
  },
  MBO_TREND: {
    summary:
      'Each goal’s figures at its check-ins, oldest first, from a History range: feed one to SPARKLINE.',
    params: {
      history: {
        type: 'Range',
        help: 'The History tab with its header row (Date, ID, Actual, Measured, Final, …).',
      },
      ids: { type: 'string|Range', help: 'The goal ID(s).' },
      column: { type: 'string', help: 'final (default), actual, measured or confidence.' },
    },
    returns: 'One row per ID, its values oldest first, padded with blanks to the longest.',
  },
  MBO_FORECAST: {
    summary:
      'Run-rate forecast: where each goal’s final attainment lands at the end of the period if it keeps its pace since its check-ins began.',
    params: {
      history: { type: 'Range', help: 'The History tab with its header row.' },
      ids: { type: 'string|Range', help: 'The goal ID(s).' },
      period: { type: 'string|Range', help: 'The period, e.g. FY2026 or Q3 2026: one for all, or a column.' },
      curve: { type: 'Range', help: 'Payout curve points (attainment, payout): adds a payout column.' },
      asOf: {
        type: 'string|number',
        help: 'A date cell or 2026-03-31: the forecast as of that day; default the latest check-in in history.',
      },
    },
    returns:
      'The projected attainment per ID (a line through two or more check-ins, else the pace since the period began), capped at 150%; with a curve, two columns: attainment, payout.',
  },
};

/** Own entries only, through a Map: a parameter named `constructor` must not find Object.prototype's. */
function own<T>(record: Record<string, T>, key: string): T | undefined {
  return new Map(Object.entries(record)).get(key);
}

/** Joins runtime specs with their docs, in the specs' order; a function or parameter without docs is an error. */
export function documentFunctions(specs: readonly FunctionSpec[]): DocumentedSpec[] {
  return specs.map((spec) => {
    const doc = own(FUNCTION_DOCS, spec.name);
    if (!doc) throw new Error(`${spec.name} has no entry in src/functions/docs.ts`);
    const params = spec.params.map((p) => {
      const pd = own(doc.params, p.name);
      if (!pd) throw new Error(`${spec.name}: parameter ${p.name} has no entry in src/functions/docs.ts`);
      return { ...p, ...pd };
    });
    return { ...spec, summary: doc.summary, params, returns: doc.returns };
  });
}
