// Headless Chromium for the preview tests: the page at a laptop's size, remote requests refused, errors and dialogs recorded.
import { type ObservedPage, openObservedPage } from '../support/chromium';

export type PreviewBrowser = ObservedPage;

export function openPreview(url: string): Promise<PreviewBrowser> {
  return openObservedPage(url, { viewport: { width: 1440, height: 860 } });
}
