// Without LibreOffice the native bench says why in its table instead of failing, and never installs it in CI.
import { describe, expect, it } from 'vitest';
import { ensureLibreOffice } from '../../bench/libreoffice';
import { markdown } from '../../bench/measure';
import { benchNative } from '../../bench/native';

const NO_SOFFICE = { PATH: '/nonexistent', CI: 'true' };

describe('the native bench without LibreOffice', () => {
  it('does not install it in CI, and says so', () => {
    const logged: string[] = [];
    const office = ensureLibreOffice((line) => logged.push(line), NO_SOFFICE);
    expect(office).toEqual({ ok: false, reason: expect.stringContaining('does not install it in CI') });
    expect(logged).toEqual([]);
  });

  it('reports "not measured" with the reason in its section', async () => {
    const sections = await benchNative(true, NO_SOFFICE);
    expect(sections).toHaveLength(1);
    expect(markdown(sections, '')).toContain(
      'not measured: LibreOffice (libreoffice-calc-nogui, python3-uno) is not installed',
    );
    expect(sections[0].checks).toEqual([]);
  });
});
