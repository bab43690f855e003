import { describe, expect, it } from 'vitest';
import { FeatureLoadError, lazyFeature } from './lazy-feature';

function Panel() {
  return null;
}

describe('lazyFeature', () => {
  it('fetches the code once however often it is preloaded or loaded', async () => {
    let fetches = 0;
    const feature = lazyFeature(async () => {
      fetches += 1;
      return Panel;
    });
    feature.preload();
    feature.preload();
    expect(await feature.load()).toBe(Panel);
    expect(await feature.load()).toBe(Panel);
    expect(fetches).toBe(1);
  });

  it('reports a failed fetch as FeatureLoadError, the same one until retry, then fetches again', async () => {
    let fetches = 0;
    const feature = lazyFeature(async () => {
      fetches += 1;
      if (fetches === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Panel;
    });
    const failure = await feature.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FeatureLoadError);
    expect(String(failure)).toMatch(/Failed to fetch dynamically imported module.*retry/);
    // A render after the failure sees it again rather than starting a fetch of its own.
    expect(await feature.load().catch((error: unknown) => error)).toBe(failure);
    expect(fetches).toBe(1);
    if (failure instanceof FeatureLoadError) failure.retry();
    expect(await feature.load()).toBe(Panel);
    expect(fetches).toBe(2);
  });

  it('preloads once: its failure does not stick, and opening fetches again', async () => {
    let fetches = 0;
    const feature = lazyFeature(async () => {
      fetches += 1;
      throw new TypeError('offline');
    });
    feature.preload();
    feature.preload();
    await new Promise((settled) => setTimeout(settled, 0));
    await expect(feature.load()).rejects.toBeInstanceOf(FeatureLoadError);
    expect(fetches).toBe(2);
    feature.preload();
    expect(fetches).toBe(2);
  });
});
