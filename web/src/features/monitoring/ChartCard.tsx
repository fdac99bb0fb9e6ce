import {
  ArcElement, BarElement, CategoryScale, Chart as ChartJS, Legend, LinearScale, Tooltip, type ChartData, type ChartOptions,
} from 'chart.js';
import { Bar, Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { downloadCsv, type Cell } from '../../lib/csv';

ChartJS.register(ArcElement, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

/** Colours that stay apart for most colour-blind readers (Okabe-Ito), in a fixed order. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#56B4E9', '#CC79A7', '#F0E442', '#000000'];

function shortLabel(this: { getLabelForValue: (v: number) => string }, value: string | number) {
  const label = this.getLabelForValue(Number(value));
  return label.length > 24 ? label.slice(0, 23) + '…' : label;
}

export interface Table {
  header: string[];
  rows: Cell[][];
}

/**
 * A chart with what makes it usable by everyone: a title, the same numbers as a table (for screen readers and for
 * reading exact values), and those numbers as a CSV file.
 */
export function ChartCard({ id, title, kind, data, table, stacked, horizontal, csvName }: {
  id: string;
  title: string;
  kind: 'bar' | 'doughnut';
  data: ChartData<'bar'> | ChartData<'doughnut'>;
  table: Table;
  stacked?: boolean;
  horizontal?: boolean;
  csvName: string;
}) {
  const { t } = useTranslation();
  const empty = table.rows.length === 0;
  const barOptions: ChartOptions<'bar'> = {
    responsive: true,
    maintainAspectRatio: false,
    indexAxis: horizontal ? 'y' : 'x',
    animation: false,
    scales: {
      x: { stacked, beginAtZero: true, ticks: { autoSkip: true, precision: 0 } },
      // long names (clusters) shortened on the axis; the table and the tooltip have them whole
      y: { stacked, beginAtZero: true, ticks: { precision: 0, callback: horizontal ? shortLabel : undefined } },
    },
    plugins: { legend: { display: (data.datasets?.length ?? 0) > 1, position: 'bottom' } },
  };
  const doughnutOptions: ChartOptions<'doughnut'> = {
    responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'bottom' } },
  };
  return (
    <section className="chart-card" aria-labelledby={`${id}-title`}>
      <div className="chart-head">
        <h2 id={`${id}-title`}>{title}</h2>
        <button type="button" className="button button-small" disabled={empty}
          onClick={() => downloadCsv(`amk-${csvName}.csv`, table.header, table.rows)}>
          {t('monitoring.csv')}
        </button>
      </div>
      {empty ? (
        <p className="muted">{t('monitoring.noData')}</p>
      ) : (
        <div className="chart-box">
          {/* the canvas is an image (react-chartjs-2 gives it role="img"): named, its numbers in the table below */}
          {kind === 'bar'
            ? <Bar data={data as ChartData<'bar'>} options={barOptions} aria-label={t('monitoring.chartAlt', { title })} />
            : <Doughnut data={data as ChartData<'doughnut'>} options={doughnutOptions} aria-label={t('monitoring.chartAlt', { title })} />}
        </div>
      )}
      {!empty && (
        <details>
          <summary>{t('monitoring.asTable')}</summary>
          <div className="table-scroll">
            <table>
              <thead><tr>{table.header.map((h) => <th key={h} scope="col">{h}</th>)}</tr></thead>
              <tbody>
                {table.rows.map((row, i) => (
                  <tr key={i}>{row.map((c, j) => (j === 0 ? <th key={j} scope="row">{c ?? '—'}</th> : <td key={j}>{c ?? '—'}</td>))}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </section>
  );
}
