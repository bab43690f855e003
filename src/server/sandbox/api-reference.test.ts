import { describe, expect, it } from 'vitest';
import {
  readAnswer,
  CONTACT_FIELDS,
  readFieldsAnswer,
  readCampaignsAnswer,
  readContactDetailAnswer,
  readWorkspacesAnswer,
} from '../../shared/contract';
import {
  TIMESTAMPS,
  acme,
  acmeCampaigns,
  contacts,
  data,
  initech,
  northwind,
  ownStage,
  useSandboxUnderTest,
} from './contract-fixture';

const { server } = useSandboxUnderTest();

describe('GET /workspaces', () => {
  it('lists the three workspaces with their campaign counts', async () => {
    const body = readAnswer(readWorkspacesAnswer, (await server.get('/workspaces')).json);
    expect(body.status).toBe('ok');
    expect(body.data).toEqual(
      data.workspaces.map((workspace) => ({
        id: workspace.id,
        name: workspace.name,
        color: workspace.color,
        campaign_count: data.campaigns.filter((campaign) => campaign.workspaceSeq === workspace.seq).length,
      })),
    );
  });

  it('filters by a case-insensitive part of the name', async () => {
    const names = async (search: string) =>
      readAnswer(
        readWorkspacesAnswer,
        (await server.get(`/workspaces?search=${encodeURIComponent(search)}`)).json,
      ).data.map((workspace) => workspace.name);
    expect(await names('ACME')).toEqual(['Acme Outbound']);
    expect(await names('nd P')).toEqual(['Northwind Partners']);
    expect(await names('no such workspace')).toEqual([]);
  });
});

describe('GET /workspaces/{id}/all-fields', () => {
  it('labels every contact field and the custom fields of the workspace', async () => {
    const body = readAnswer(readFieldsAnswer, (await server.get(`/workspaces/${acme.id}/all-fields`)).json);
    expect(body.data.map((field) => field.code)).toEqual([
      ...CONTACT_FIELDS.map((field) => field.code),
      'custom_1',
      'custom_2',
    ]);
    expect(body.data.find((field) => field.code === 'custom_1')).toEqual({
      label: 'Imgur URL',
      code: 'custom_1',
      searchable: ['imgururl'],
    });
    expect(body.data.find((field) => field.code === 'custom_2')?.label).toBe('Lead Source');
    expect(body.data.find((field) => field.code === 'first_name')?.searchable).toEqual([
      'firstname',
      'first',
    ]);
  });

  it('has no custom fields in the empty workspace', async () => {
    const body = readAnswer(
      readFieldsAnswer,
      (await server.get(`/workspaces/${initech.id}/all-fields`)).json,
    );
    expect(body.data.map((field) => field.code)).toEqual(CONTACT_FIELDS.map((field) => field.code));
  });
});

describe('GET /campaigns', () => {
  it('pages through every campaign of the workspace, newest first, with the documented fields', async () => {
    const ids: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const response = await server.get(`/campaigns?workspace=${acme.id}&page=${page}&display=10`);
      const body = readAnswer(readCampaignsAnswer, response.json);
      expect(body.data).toHaveLength([10, 10, 5, 0][page - 1] ?? -1);
      ids.push(...body.data.map((campaign) => campaign.id));
    }
    const newestFirst = [...acmeCampaigns].sort((a, b) => b.created - a.created);
    expect(ids).toEqual(newestFirst.map((campaign) => campaign.id));
  });

  it('counts contacts, sends, opens, replies and bounces from the memberships', async () => {
    const body = readAnswer(
      readCampaignsAnswer,
      (await server.get(`/campaigns?workspace=${acme.id}&page=1&display=100`)).json,
    );
    for (const campaign of acmeCampaigns) {
      const members = contacts.flatMap((contact) =>
        contact.memberships.filter((m) => m.campaignSeq === campaign.seq),
      );
      const initials = members.filter((m) => m.last_sent !== null).length;
      const opens = members.filter((m) => m.last_open !== null).length;
      const row = body.data.find((candidate) => candidate.id === campaign.id);
      expect(row).toMatchObject({
        status: campaign.status,
        name: campaign.name,
        steps: campaign.steps,
        contacts: members.length,
        initials,
        opens_num: opens,
        opens: initials === 0 ? 0 : Math.round((opens / initials) * 1000) / 10,
        replies_num: members.filter((m) => m.last_reply !== null).length,
        bounces_num: members.filter((m) => m.last_bounce !== null).length,
        interested_num: members.filter((m) => m.stage === 'Interested').length,
        created: campaign.created,
      });
      for (const key of [
        'days_left',
        'days_left_date',
        'days_left_display',
        'last_activity',
        'replies',
        'bounces',
      ]) {
        expect(row).toHaveProperty(key);
      }
    }
  });

  it('answers the empty workspace with no campaigns', async () => {
    const body = readAnswer(
      readCampaignsAnswer,
      (await server.get(`/campaigns?workspace=${initech.id}&page=1&display=10`)).json,
    );
    expect(body.data).toEqual([]);
  });
});

describe('GET /contacts/{id}', () => {
  it('returns the contact with its workspace, source, status, custom fields and campaigns', async () => {
    const samples = [0, 1, 2, 3].map((count) =>
      contacts.find((contact) => contact.memberships.length === count),
    );
    samples.push(
      contacts.find((contact) => contact.hostile),
      contacts.find((c) => c.workspaceSeq === northwind.seq),
    );
    for (const contact of samples) {
      if (!contact) throw new Error('sample missing');
      const workspace = data.workspaces.find((candidate) => candidate.seq === contact.workspaceSeq);
      const response = await server.get(`/contacts/${contact.id}`);
      const body = readAnswer(readContactDetailAnswer, response.json);
      expect(body).toMatchObject({
        id: contact.id,
        email: contact.fields.email,
        full_name: contact.fields.full_name,
        workspace: workspace?.id,
        status: ownStage(contact),
        stage: ownStage(contact),
        source: contact.source,
        created: contact.created,
      });
      workspace?.customFields.forEach((field, index) => expect(body[field.code]).toBe(contact.custom[index]));
      expect(body.campaigns).toEqual(
        contact.memberships.map((m) => ({
          campaign: data.campaigns.find((campaign) => campaign.seq === m.campaignSeq)?.id,
          stage: workspace?.stageIds.get(m.stage),
          stage_name: m.stage,
          sending_mailbox: m.sendingMailbox,
          ...Object.fromEntries(TIMESTAMPS.map((t) => [t, m[t]])),
        })),
      );
      for (const field of CONTACT_FIELDS) expect(response.json).toHaveProperty(field.code);
    }
  });
});
