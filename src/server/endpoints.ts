// The sidebar endpoints bound to the real Apps Script globals (looked up when called, never at load).
import type { ServerApi } from './api';
import { bindServerApi } from './bind';
import { liveContext } from './context';

export const endpoints: ServerApi = bindServerApi(liveContext);
