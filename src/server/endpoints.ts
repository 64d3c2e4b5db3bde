// The sidebar endpoints bound to the real Apps Script globals (looked up when called, never at load).
import type { Endpoint, ServerApi } from './api';
import { bindServerApi } from './bind';
import { liveContext } from './context';

export const endpoints: ServerApi = bindServerApi(liveContext);

// Only the tests read it: the annotation lets the bundle drop it.
export const ENDPOINT_NAMES = /* @__PURE__ */ Object.keys(endpoints) as Endpoint[];
