import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageApiRef } from '../../api';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useMatrix } from '../../hooks/useMatrix';
import { coverageChangeRows, formatDateTime } from '../../lib/fleetTrend';
import { meshCoverageTranslationRef } from '../../translation';
import { HeaderRow } from '../HeaderRow';

const useStyles = makeStyles(theme => ({
  changed: { fontWeight: 600 },
  note: { marginBottom: theme.spacing(1) },
}));

/**
 * The component's coverage over the stored fleet snapshots: one row per change, newest first,
 * each in force from its date until the row above it.
 */
export function CoverageHistory(props: { entityRef: string }) {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { appLanguage: language } = useAppMatrixLanguage();
  const { index } = useMatrix();
  const api = useApi(meshCoverageApiRef);
  const { loading, error, value } = useAsync(
    () => api.getCoverageHistory(props.entityRef),
    [api, props.entityRef],
  );
  const rows = useMemo(() => coverageChangeRows(value?.points ?? []), [value]);
  const meshName = (id?: string) =>
    id ? index?.tool(id)?.name ?? id : t('content.history.noMesh');
  const mark = (changed: boolean) =>
    changed ? ` (${t('content.history.changed')})` : '';

  let body;
  if (loading) {
    body = <Progress />;
  } else if (error) {
    body = <ResponseErrorPanel error={error} />;
  } else if (rows.length === 0) {
    body = <Typography>{t('content.history.none')}</Typography>;
  } else {
    body = (
      <>
        {rows.length === 1 && (
          <Typography className={classes.note}>
            {t('content.history.noChange', {
              date: formatDateTime(rows[0].at, language),
            })}
          </Typography>
        )}
        <Table size="small" aria-label={t('content.history.title')}>
          <HeaderRow
            labels={[
              t('content.history.since'),
              t('content.history.mesh'),
              t('content.history.coverage'),
              t('content.history.gaps'),
            ]}
          />
          <TableBody>
            {rows.map(row => (
              <TableRow key={row.at} data-at={row.at}>
                <TableCell component="th" scope="row">
                  {formatDateTime(row.at, language)}
                </TableCell>
                {(
                  [
                    ['mesh', meshName(row.mesh)],
                    [
                      'coverage',
                      row.coverage === null
                        ? t('card.nothingRequired')
                        : t('card.coverageValue', {
                            value: String(row.coverage),
                          }),
                    ],
                    ['gaps', String(row.gaps)],
                  ] as const
                ).map(([key, text]) => {
                  const changed = row.changed.includes(key);
                  return (
                    <TableCell
                      key={key}
                      className={changed ? classes.changed : undefined}
                    >
                      {text}
                      {mark(changed)}
                    </TableCell>
                  );
                })}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </>
    );
  }
  return <InfoCard title={t('content.history.title')}>{body}</InfoCard>;
}
