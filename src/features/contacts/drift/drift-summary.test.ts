import { describe, expect, it } from 'vitest';
import { summariseDrift } from './drift-summary';

describe('summariseDrift', () => {
  it('says nothing when nothing drifted', () => {
    expect(summariseDrift([])).toBeNull();
  });

  it('counts the values and names the fields once, with the first path as the example', () => {
    const summary = summariseDrift([
      { field: 'last_sent', form: 'ISO 8601', count: 1200, example: 'data[5].last_sent' },
      { field: 'zip', form: 'number', count: 3, example: 'data[9].zip' },
      { field: 'last_sent', form: 'unix milliseconds', count: 2, example: 'data[40].last_sent' },
    ]);
    expect(summary?.headline).toBe('1,205 values in 2 fields (last_sent, zip) came in unexpected forms.');
    expect(summary?.example).toBe('data[5].last_sent');
    expect(summary?.details).toBe(
      [
        'Mailstand values in unexpected forms on one page (field: form ×count, first path):',
        'last_sent: ISO 8601 ×1200, first at data[5].last_sent',
        'zip: number ×3, first at data[9].zip',
        'last_sent: unix milliseconds ×2, first at data[40].last_sent',
      ].join('\n'),
    );
  });

  it('speaks of one value in the singular', () => {
    const one = summariseDrift([{ field: 'id', form: 'missing', count: 1, example: 'data[0].id' }]);
    expect(one?.headline).toBe('1 value in 1 field (id) came in an unexpected form.');
  });
});
