import { describe, expect, it } from 'vitest';
import { FeatureLoadError, lazyFeature, lazyModule } from './lazy-feature';

function Panel() {
  return null;
}

/** A lazy Panel whose fetches are counted; `attempt` gives what fetch number n (from 1) brings. */
function countedFeature(attempt: (n: number) => typeof Panel) {
  const counter = { fetches: 0 };
  const feature = lazyFeature(async () => attempt(++counter.fetches));
  return { feature, counter };
}

describe('lazyFeature', () => {
  it('fetches the code once however often it is preloaded or loaded', async () => {
    const { feature, counter } = countedFeature(() => Panel);
    feature.preload();
    feature.preload();
    expect(await feature.load()).toBe(Panel);
    expect(await feature.load()).toBe(Panel);
    expect(counter.fetches).toBe(1);
  });

  it('reports a failed fetch as FeatureLoadError, the same one until retry, then fetches again', async () => {
    const { feature, counter } = countedFeature((n) => {
      if (n === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return Panel;
    });
    const failure = await feature.load().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FeatureLoadError);
    expect(String(failure)).toMatch(/Failed to fetch dynamically imported module.*retry/);
    // A render after the failure sees it again rather than starting a fetch of its own.
    expect(await feature.load().catch((error: unknown) => error)).toBe(failure);
    expect(counter.fetches).toBe(1);
    if (failure instanceof FeatureLoadError) failure.retry();
    expect(await feature.load()).toBe(Panel);
    expect(counter.fetches).toBe(2);
  });

  it('preloads once: its failure does not stick, and opening fetches again', async () => {
    const { feature, counter } = countedFeature(() => {
      throw new TypeError('offline');
    });
    feature.preload();
    feature.preload();
    await new Promise((settled) => setTimeout(settled, 0));
    await expect(feature.load()).rejects.toBeInstanceOf(FeatureLoadError);
    expect(counter.fetches).toBe(2);
    feature.preload();
    expect(counter.fetches).toBe(2);
  });
});

describe('lazyModule', () => {
  it('hands over the code only once it has arrived, and none after a failed fetch', async () => {
    const exporter = { run: () => 'exported' };
    const code = lazyModule(async () => exporter);
    expect(code.loaded()).toBeNull();
    const loading = code.load();
    expect(code.loaded()).toBeNull();
    expect(await loading).toBe(exporter);
    expect(code.loaded()).toBe(exporter);

    const offline = lazyModule(async () => {
      throw new TypeError('Failed to fetch dynamically imported module');
    });
    await expect(offline.load()).rejects.toBeInstanceOf(FeatureLoadError);
    expect(offline.loaded()).toBeNull();
  });
});
