import { describe, expect, it } from 'vitest';
import { readAnswer, readContactDetailAnswer, CONTACT_FIELDS } from '../../../shared/contract';
import { documentedExample } from '../../../shared/contract/examples';
import { contactDetailGroups, detailValue, mailtoHref } from './detail-fields';

const example = readAnswer(readContactDetailAnswer, documentedExample('contact-detail'));

function find(groups: ReturnType<typeof contactDetailGroups>, code: string) {
  return groups.flatMap((group) => group.fields).find((field) => field.code === code);
}

describe('contactDetailGroups', () => {
  it('shows every documented field once, grouped, with custom fields by their labels', () => {
    const groups = contactDetailGroups(example, [{ label: 'Imgur URL', code: 'custom_1' }]);
    const codes = groups.flatMap((group) => group.fields.map((field) => field.code));
    expect(new Set(codes).size).toBe(codes.length);
    for (const { code } of CONTACT_FIELDS) expect(codes).toContain(code);
    expect(groups.map((group) => group.title)).toEqual([
      'Person',
      'Company',
      'Address',
      'Social and web',
      'Notes',
      'Education and career',
      'Record',
      'Custom fields',
    ]);
    expect(find(groups, 'custom_1')).toEqual({
      code: 'custom_1',
      label: 'Imgur URL',
      value: { kind: 'text', text: 'First custom field' },
    });
    expect(find(groups, 'website_1')?.value).toEqual({
      kind: 'link',
      text: 'https://acme.com/',
      href: 'https://acme.com/',
    });
    expect(find(groups, 'mobile_phone')?.value).toEqual({
      kind: 'phone',
      text: '1 (234) 456-7890',
      href: 'tel:12344567890',
    });
    expect(find(groups, 'email')?.value).toEqual({
      kind: 'email',
      text: 'john@acme.example',
      href: 'mailto:john@acme.example',
    });
    expect(find(groups, 'website_3')?.value).toEqual({ kind: 'empty' });
    expect(codes).not.toContain('campaigns');
    expect(codes).not.toContain('last_sent');
  });

  it('keeps custom fields in number order, unlabelled ones by code, and unknown fields in Other', () => {
    const contact = readAnswer(readContactDetailAnswer, {
      id: 'contact_x',
      custom_10: 'ten',
      custom_2: 'two',
      favourite: { colour: 'blue' },
    });
    const groups = contactDetailGroups(contact, [
      { label: 'Tenth', code: 'custom_10' },
      { label: 'Third', code: 'custom_3' },
    ]);
    const custom = groups.find((group) => group.title === 'Custom fields')?.fields;
    expect(custom?.map((field) => [field.label, field.value])).toEqual([
      ['custom_2', { kind: 'text', text: 'two' }],
      ['Third', { kind: 'empty' }],
      ['Tenth', { kind: 'text', text: 'ten' }],
    ]);
    expect(groups.at(-1)).toEqual({
      title: 'Other fields',
      fields: [{ code: 'favourite', label: 'favourite', value: { kind: 'text', text: '{"colour":"blue"}' } }],
    });
  });
});

describe('links from untrusted values', () => {
  it('makes links only of http(s), phone-shaped and plain-address values', () => {
    const hostile = [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      '//evil.example',
    ];
    for (const value of hostile) {
      expect(detailValue('website_1', value)).toEqual({ kind: 'text', text: value });
      expect(detailValue('linkedin', value).kind).toBe('text');
    }
    expect(detailValue('mobile_phone', 'call me maybe')).toEqual({ kind: 'text', text: 'call me maybe' });
    expect(detailValue('mobile_phone', 'javascript:alert(1)').kind).toBe('text');
    expect(detailValue('email', 'a@b.example?cc=victim@x.example').kind).toBe('text');
    expect(detailValue('email', "o'brien+tag@mail.example.co.uk").kind).toBe('email');
    for (const value of [
      'javascript:alert(1)//@x.example',
      '"x"@y.example',
      'a b@c.example',
      'no-at-sign',
      'a@b',
    ]) {
      expect(mailtoHref(value)).toBeNull();
    }
    expect(detailValue('city', 'https://evil.example')).toEqual({
      kind: 'text',
      text: 'https://evil.example',
    });
  });

  it('treats null, "" and spaces as empty and formats the created timestamp', () => {
    expect(detailValue('city', null)).toEqual({ kind: 'empty' });
    expect(detailValue('city', '')).toEqual({ kind: 'empty' });
    expect(detailValue('city', '   ')).toEqual({ kind: 'empty' });
    expect(detailValue('created', 1654714807)).toMatchObject({
      kind: 'text',
      text: expect.stringContaining('2022'),
    });
  });
});
