import { describe, expect, it } from 'vitest';
import { isRefusedPicker } from './run-export';

describe('isRefusedPicker', () => {
  it('tells a picker the browser refused (no gesture left, or not allowed) from other failures', () => {
    const noGesture = new DOMException(
      'Must be handling a user gesture to show a file picker.',
      'SecurityError',
    );
    expect(isRefusedPicker(noGesture)).toBe(true);
    expect(isRefusedPicker(new DOMException('Not allowed by policy.', 'NotAllowedError'))).toBe(true);
    // Closing the picker, or a disk that is full, is not a refusal: no silent download instead.
    expect(isRefusedPicker(new DOMException('The user aborted a request.', 'AbortError'))).toBe(false);
    expect(isRefusedPicker(new DOMException('No space left.', 'QuotaExceededError'))).toBe(false);
    expect(isRefusedPicker(new Error('SecurityError'))).toBe(false);
  });
});
