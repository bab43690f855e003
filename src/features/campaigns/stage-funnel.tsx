import { useQueries } from '@tanstack/react-query';
import { STAGES, type Stage } from '../../shared/contract';
import { DEFAULT_FILTERS } from '../contacts/params/filter-params';
import { stageCountQuery } from '../contacts/filters/stage-counts';
import { formatCount } from '../contacts/table/format';

type StageFunnelProps = { workspace: string; campaign: { id: string; name: string } };

const ROW_HEIGHT = 26;
const LABEL_WIDTH = 130;
const BAR_AREA = 240;
const COUNT_WIDTH = 70;
const WIDTH = LABEL_WIDTH + BAR_AREA + COUNT_WIDTH;

/**
 * How many of the campaign's contacts are in each stage, as centred bars (a funnel), in plain SVG:
 * eleven bars need no chart library's weight, and the text beside each bar carries the number.
 * The counts are the sidebar's own queries, so a later visit to the campaign's contacts reuses them.
 */
export function StageFunnel({ workspace, campaign }: StageFunnelProps) {
  const filters = { ...DEFAULT_FILTERS, workspace, campaign: campaign.id };
  const counts = useQueries({ queries: STAGES.map((stage) => stageCountQuery(filters, stage)) });
  const values = new Map<Stage, number | 'loading' | 'error'>(
    STAGES.map((stage, index) => {
      const count = counts[index];
      if (count?.data !== undefined) return [stage, count.data];
      return [stage, count?.isError ? 'error' : 'loading'];
    }),
  );
  const largest = Math.max(1, ...[...values.values()].filter((value) => typeof value === 'number'));
  const loading = [...values.values()].some((value) => value === 'loading');
  const failed = [...values.values()].filter((value) => value === 'error').length;
  const summary = STAGES.map((stage) => `${stage} ${countText(values.get(stage))}`).join(', ');

  return (
    <figure className="flex flex-col gap-2" aria-busy={loading}>
      <figcaption className="text-sm font-semibold">Stage funnel: {campaign.name}</figcaption>
      <svg
        role="img"
        aria-label={`Contacts per stage in ${campaign.name}: ${summary}.`}
        viewBox={`0 0 ${WIDTH} ${STAGES.length * ROW_HEIGHT}`}
        className="w-full max-w-md text-slate-800 dark:text-slate-100"
      >
        {STAGES.map((stage, index) => {
          const value = values.get(stage);
          const width =
            typeof value === 'number' ? Math.max(value > 0 ? 2 : 0, (value / largest) * BAR_AREA) : 0;
          const y = index * ROW_HEIGHT;
          return (
            <g key={stage}>
              <RowText right={LABEL_WIDTH - 8} y={y}>
                {stage}
              </RowText>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={BAR_AREA}
                height={ROW_HEIGHT - 8}
                rx="3"
                className="fill-slate-100 dark:fill-slate-800"
              />
              <rect
                x={LABEL_WIDTH + (BAR_AREA - width) / 2}
                y={y + 4}
                width={width}
                height={ROW_HEIGHT - 8}
                rx="3"
                className="fill-sky-600 dark:fill-sky-400"
              />
              <RowText right={WIDTH - 4} y={y}>
                {countText(value)}
              </RowText>
            </g>
          );
        })}
      </svg>
      {failed > 0 && (
        <p role="status" className="text-xs text-red-700 dark:text-red-300">
          {failed} of the stage counts could not be loaded; they show “?”.
        </p>
      )}
    </figure>
  );
}

/** A stage's name or count, right-aligned at `right`, centred in the row that starts at `y`. */
function RowText({ right, y, children }: { right: number; y: number; children: string }) {
  return (
    <text
      x={right}
      y={y + ROW_HEIGHT / 2}
      textAnchor="end"
      dominantBaseline="middle"
      fontSize="12"
      fill="currentColor"
    >
      {children}
    </text>
  );
}

function countText(value: number | 'loading' | 'error' | undefined): string {
  if (value === 'error') return '?';
  if (value === 'loading' || value === undefined) return '…';
  return formatCount(value);
}
