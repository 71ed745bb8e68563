import { describe, expect, it } from 'vitest';
import { expectErrors, hasChromium, useBrowser } from './browser';

describe.skipIf(!hasChromium)('Content-Security-Policy', () => {
  const browser = useBrowser();

  it('is declared, and blocks inline and injected scripts (the violation is reported)', async () => {
    const page = await browser.newPage('/');
    await page.getByRole('link', { name: 'Study now: Virtualization' }).waitFor();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toMatch(/'unsafe-eval'/);

    expectErrors(page, /Content Security Policy|CSP violation/);
    const outcome = await page.evaluate(async () => {
      const run = (setUp: (script: HTMLScriptElement) => void) =>
        new Promise<void>((resolve) => {
          const script = document.createElement('script');
          setUp(script);
          script.onload = () => resolve();
          script.onerror = () => resolve();
          document.head.append(script);
          setTimeout(resolve, 500);
        });
      const flags = window as unknown as { __inline?: boolean; __blob?: boolean };
      await run((s) => {
        s.textContent = 'window.__inline = true;';
      });
      const blob = URL.createObjectURL(new Blob(['window.__blob = true;'], { type: 'text/javascript' }));
      await run((s) => {
        s.src = blob;
      });
      return { inline: flags.__inline === true, blob: flags.__blob === true };
    });
    expect(outcome).toEqual({ inline: false, blob: false });
  });
});
