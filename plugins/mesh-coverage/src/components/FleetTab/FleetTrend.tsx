import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { makeStyles, Typography, useTheme } from '@material-ui/core';
import { useMemo, useState } from 'react';
import useAsync from 'react-use/esm/useAsync';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { meshCoverageApiRef } from '../../api';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import {
  formatDateTime,
  formatDay,
  trendRows,
  trendSummary,
} from '../../lib/fleetTrend';
import { meshCoverageTranslationRef } from '../../translation';
import { LabelledSelect } from '../LabelledSelect';

const TWO_DAYS_MS = 2 * 24 * 3600 * 1000;
const CHART_HEIGHT = 260;

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    alignItems: 'flex-end',
    margin: theme.spacing(1, 0, 2),
  },
  chart: { width: '100%', height: CHART_HEIGHT },
}));

type Option = { value: string; label: string };

/** Mean coverage and gaps over the stored snapshots, for the fleet or one mesh or owner. */
export function FleetTrend(props: { meshes: Option[]; owners: Option[] }) {
  const classes = useStyles();
  const theme = useTheme();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { appLanguage: language } = useAppMatrixLanguage();
  const api = useApi(meshCoverageApiRef);
  const [mesh, setMesh] = useState('');
  const [owner, setOwner] = useState('');
  const { loading, error, value } = useAsync(
    () =>
      api.getFleetHistory({
        mesh: mesh || undefined,
        owner: owner || undefined,
      }),
    [api, mesh, owner],
  );
  const rows = useMemo(() => trendRows(value?.points ?? []), [value]);
  const summary = trendSummary(rows);
  const percent = (v: number | null) =>
    v === null ? t('fleet.teams.noValue') : `${v} %`;

  return (
    <>
      <div className={classes.controls}>
        <LabelledSelect
          id="mesh-coverage-trend-mesh"
          label={t('fleet.trend.mesh')}
          emptyLabel={t('fleet.trend.all')}
          value={mesh}
          options={props.meshes}
          onChange={setMesh}
        />
        <LabelledSelect
          id="mesh-coverage-trend-owner"
          label={t('fleet.trend.owner')}
          emptyLabel={t('fleet.trend.all')}
          value={owner}
          options={props.owners}
          onChange={setOwner}
        />
      </div>
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {value && !error && !summary && (
        <Typography>
          {t('fleet.trend.tooFew', { count: rows.length })}
        </Typography>
      )}
      {value && !error && summary && (
        <div
          className={classes.chart}
          role="img"
          aria-label={t('fleet.trend.label', {
            from: formatDateTime(summary.from, language),
            to: formatDateTime(summary.to, language),
            coverageFrom: percent(summary.coverageFrom),
            coverageTo: percent(summary.coverageTo),
            gapsFrom: String(summary.gapsFrom),
            gapsTo: String(summary.gapsTo),
          })}
          data-points={rows.length}
        >
          {/* jsdom measures nothing: the initial size lets the chart draw before a resize. */}
          <ResponsiveContainer
            width="100%"
            height={CHART_HEIGHT}
            initialDimension={{ width: 640, height: CHART_HEIGHT }}
          >
            <LineChart
              data={rows}
              margin={{ top: 8, right: 8, bottom: 8, left: 0 }}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis
                dataKey="at"
                type="number"
                scale="time"
                domain={['dataMin', 'dataMax']}
                // Days name the ticks of a long trend; within two days they would all be one day.
                tickFormatter={(at: number) =>
                  rows[rows.length - 1].at - rows[0].at < TWO_DAYS_MS
                    ? formatDateTime(at, language)
                    : formatDay(at, language)
                }
              />
              <YAxis yAxisId="coverage" domain={[0, 100]} unit=" %" />
              <YAxis yAxisId="gaps" orientation="right" allowDecimals={false} />
              <Tooltip
                labelFormatter={(at: number) => formatDateTime(at, language)}
              />
              <Legend />
              <Line
                yAxisId="coverage"
                dataKey="coverage"
                name={t('fleet.trend.coverage')}
                stroke={theme.palette.primary.main}
                strokeWidth={2}
                isAnimationActive={false}
              />
              <Line
                yAxisId="gaps"
                dataKey="gaps"
                name={t('fleet.trend.gaps')}
                stroke={theme.palette.error.main}
                strokeWidth={2}
                strokeDasharray="6 3"
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </>
  );
}
