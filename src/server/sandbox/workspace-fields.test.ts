import { describe, expect, it } from 'vitest';
import { fieldSearchTerms } from './workspace-fields';

describe('fieldSearchTerms', () => {
  it("gives the terms of Mailstand's documented example", () => {
    expect(fieldSearchTerms({ code: 'first_name', label: 'First Name' })).toEqual(['firstname', 'first']);
    expect(fieldSearchTerms({ code: 'email', label: 'Email Address' })).toEqual(['email', 'emailaddress']);
    expect(fieldSearchTerms({ code: 'custom_1', label: 'Imgur URL' })).toEqual(['imgururl']);
  });

  it('never gives an empty term, even for a label of punctuation only', () => {
    expect(fieldSearchTerms({ code: 'custom_2', label: '—?!' })).toEqual([]);
  });
});
