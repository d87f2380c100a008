import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { FleetResponsibility } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Button,
  Collapse,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Fragment, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageApiRef } from '../../api';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useMatrix } from '../../hooks/useMatrix';
import { formatDateTime, ownerName } from '../../lib/fleetTrend';
import { isNotAllowed } from '../../lib/notAllowed';
import { meshCoverageTranslationRef } from '../../translation';
import { HeaderRow } from '../HeaderRow';
import { MatrixText } from '../MatrixText';
import { AdoptionCases, useAdoptionSentence } from './AdoptionCase';
import { FleetTrend } from './FleetTrend';
import { LabelledSelect } from '../LabelledSelect';
import { TeamTable } from './TeamTable';

const WHAT_IF_PARAM = 'whatIf';

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(3),
    alignItems: 'flex-end',
    margin: theme.spacing(2, 0),
  },
  source: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    alignItems: 'center',
  },
  section: { marginTop: theme.spacing(3) },
  adoption: {
    marginTop: theme.spacing(2),
    padding: theme.spacing(1.5, 2),
    borderLeft: `4px solid ${theme.palette.info.main}`,
    background: theme.palette.background.default,
  },
  refs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
  },
}));

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function ComponentsBehind(props: {
  row?: FleetResponsibility;
  loading: boolean;
  error?: Error;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  if (props.error) {
    return <ResponseErrorPanel error={props.error} />;
  }
  if (props.loading) {
    return <Progress aria-label={t('fleet.loadingComponents')} />;
  }
  const refs = props.row?.entityRefs;
  if (!refs) {
    return null;
  }
  return (
    <div className={classes.refs}>
      {(
        [
          ['covered', t('fleet.covered')],
          ['turnedOff', t('fleet.turnedOff')],
          ['implementedByApp', t('fleet.app')],
          ['gaps', t('fleet.gaps')],
        ] as const
      ).map(([key, label]) => (
        <div key={key}>
          <Typography variant="subtitle2">{label}</Typography>
          <EntityRefLinks entityRefs={refs[key]} defaultKind="component" />
        </div>
      ))}
    </div>
  );
}

/**
 * Coverage across the catalog from the latest scheduled snapshot: per mesh, per responsibility
 * and per team, the trend over the snapshots, and a what-if with its adoption case.
 */
export function FleetTab() {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const api = useApi(meshCoverageApiRef);
  const { matrix, index } = useMatrix();
  const { appLanguage: language } = useAppMatrixLanguage();
  const adoptionSentence = useAdoptionSentence();
  const [params, setParams] = useSearchParams();
  const whatIf = params.get(WHAT_IF_PARAM) ?? '';
  const [open, setOpen] = useState<string>();
  // Once recomputed, the figures stay live (a what-if switched to afterwards too).
  const [recomputed, setRecomputed] = useState(0);
  const {
    loading,
    error,
    value: fleet,
  } = useAsync(
    () =>
      api.getFleet({
        whatIfMesh: whatIf || undefined,
        live: recomputed > 0 || undefined,
      }),
    [api, whatIf, recomputed],
  );
  // The component refs cost a live catalog read: asked for (per what-if) on the first expand.
  const [refsFor, setRefsFor] = useState<string>();
  useEffect(() => {
    if (open !== undefined && refsFor !== whatIf) {
      setRefsFor(whatIf);
    }
  }, [open, refsFor, whatIf]);
  const refs = useAsync(
    async () =>
      refsFor === undefined
        ? undefined
        : api.getFleet({
            includeEntityRefs: true,
            whatIfMesh: refsFor || undefined,
          }),
    [api, refsFor],
  );
  const refsCurrent = refsFor === whatIf;
  // The adoption cases are read from the snapshot: remember the latest one seen.
  const [snapshotAt, setSnapshotAt] = useState<string>();
  useEffect(() => {
    if (fleet?.snapshotAt) {
      setSnapshotAt(fleet.snapshotAt);
    }
  }, [fleet?.snapshotAt]);

  const setWhatIf = (mesh: string) => {
    const next = new URLSearchParams(params);
    if (mesh) {
      next.set(WHAT_IF_PARAM, mesh);
    } else {
      next.delete(WHAT_IF_PARAM);
    }
    setParams(next, { replace: true });
  };
  const toolName = (id: string) => index?.tool(id)?.name ?? id;
  const responsibility = (id: string) =>
    matrix?.responsibilities.find(r => r.id === id);
  const change = new Map(fleet?.change?.map(c => [c.responsibilityId, c]));
  // Configuration is read for the meshes components run, not for a what-if's.
  const showConfigured =
    !fleet?.whatIfMesh &&
    !!fleet?.responsibilities.some(row => row.turnedOff || row.configured);
  const refRows = new Map(
    refs.value?.responsibilities.map(r => [r.responsibilityId, r]),
  );
  const percent = (value: number | null | undefined) =>
    value === null || value === undefined
      ? t('fleet.teams.noValue')
      : `${value} %`;
  const meshOptions =
    index?.meshIds.map(id => ({ value: id, label: toolName(id) })) ?? [];

  if (isNotAllowed(error)) {
    // No what-if, no trend, no teams: every part of this tab is fleet figures.
    return <Typography role="status">{t('fleet.notAllowed')}</Typography>;
  }

  return (
    <>
      <div className={classes.controls}>
        <LabelledSelect
          id="mesh-coverage-what-if"
          label={t('fleet.whatIf')}
          emptyLabel={t('fleet.today')}
          value={whatIf}
          options={meshOptions}
          onChange={setWhatIf}
        />
        {fleet && !fleet.whatIfMesh && fleet.meanCoverage !== null && (
          <Typography>
            {t('fleet.meanCoverage', { value: `${fleet.meanCoverage} %` })}
          </Typography>
        )}
        {fleet && !fleet.whatIfMesh && fleet.requirementCoverage !== null && (
          <Typography>
            {t('fleet.requirementCoverage', {
              value: percent(fleet.requirementCoverage),
            })}
          </Typography>
        )}
        {fleet?.whatIfMesh && fleet.today && (
          <Typography>
            {t('fleet.requirementCoverageWhatIf', {
              today: percent(fleet.today.requirementCoverage),
              whatIf: percent(fleet.requirementCoverage),
              mesh: toolName(fleet.whatIfMesh),
            })}
          </Typography>
        )}
      </div>
      {fleet && (
        <div className={classes.source}>
          <Typography variant="body2" color="textSecondary">
            {fleet.snapshotAt
              ? t('fleet.asOf', {
                  time: formatDateTime(fleet.snapshotAt, language),
                })
              : t('fleet.computedNow')}
          </Typography>
          <Button
            size="small"
            variant="outlined"
            disabled={loading}
            onClick={() => setRecomputed(n => n + 1)}
          >
            {t('fleet.recompute')}
          </Button>
        </div>
      )}
      {loading && <Progress />}
      {error && <ResponseErrorPanel error={error} />}
      {fleet && (
        <>
          {fleet.withErrors > 0 && (
            <Typography color="error">
              {t('fleet.withErrors', { count: fleet.withErrors })}
            </Typography>
          )}
          {fleet.invalidMesh > 0 && !whatIf && (
            <Typography color="error">
              {t('fleet.invalidMesh', { count: fleet.invalidMesh })}
            </Typography>
          )}
          {fleet.adoption && (
            <Typography className={classes.adoption}>
              {adoptionSentence(fleet.adoption, toolName(fleet.adoption.mesh))}
            </Typography>
          )}
          <section className={classes.section}>
            <Typography variant="h6" component="h2">
              {t('fleet.trend.title')}
            </Typography>
            <FleetTrend
              meshes={meshOptions}
              owners={fleet.byOwner
                .filter(owner => owner.owner !== '')
                .map(owner => ({
                  value: owner.owner,
                  label: ownerName(owner.owner),
                }))}
            />
          </section>
          <section className={classes.section}>
            <Typography variant="h6" component="h2">
              {t('fleet.perMesh')}
            </Typography>
            <Table size="small" aria-label={t('fleet.perMesh')}>
              <HeaderRow labels={[t('fleet.mesh'), t('fleet.count')]} />
              <TableBody>
                {(fleet.today ?? fleet).meshes.map(row => (
                  <TableRow key={row.mesh}>
                    <TableCell component="th" scope="row">
                      {toolName(row.mesh)}
                    </TableCell>
                    <TableCell>{row.components}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </section>
          {!whatIf && index && (
            <section className={classes.section}>
              <Typography variant="h6" component="h2">
                {t('fleet.adoption.title')}
              </Typography>
              <AdoptionCases
                meshIds={index.meshIds}
                snapshotAt={snapshotAt}
                toolName={toolName}
                onSelect={setWhatIf}
              />
            </section>
          )}
          {fleet.byOwner.length > 0 && (
            <section className={classes.section}>
              <Typography variant="h6" component="h2">
                {t('fleet.teams.title')}
              </Typography>
              <TeamTable
                owners={fleet.byOwner}
                adoption={fleet.adoption}
                toolName={toolName}
              />
            </section>
          )}
          <section className={classes.section}>
            {fleet.responsibilities.length === 0 ? (
              <Typography>{t('fleet.noData')}</Typography>
            ) : (
              <Table size="small" aria-label={t('fleet.responsibility')}>
                <HeaderRow
                  labels={[
                    t('fleet.responsibility'),
                    t('fleet.required'),
                    t('fleet.covered'),
                    ...(showConfigured
                      ? [t('fleet.canCover'), t('fleet.turnedOff')]
                      : []),
                    t('fleet.app'),
                    t('fleet.gaps'),
                    ...(fleet.change ? [t('fleet.change')] : []),
                    t('fleet.components'),
                  ]}
                />
                <TableBody>
                  {fleet.responsibilities.map(row => {
                    const delta = change.get(row.responsibilityId);
                    const expanded = open === row.responsibilityId;
                    return (
                      <Fragment key={row.responsibilityId}>
                        <TableRow data-responsibility={row.responsibilityId}>
                          <TableCell component="th" scope="row">
                            <MatrixText
                              text={responsibility(row.responsibilityId)?.title}
                              language={language}
                            />
                          </TableCell>
                          <TableCell>{row.required}</TableCell>
                          <TableCell>{row.covered}</TableCell>
                          {showConfigured && (
                            <>
                              <TableCell data-can-cover>
                                {`${row.covered + row.turnedOff} · ${
                                  row.configured
                                }`}
                              </TableCell>
                              <TableCell data-turned-off>
                                {row.turnedOff}
                              </TableCell>
                            </>
                          )}
                          <TableCell>{row.implementedByApp}</TableCell>
                          <TableCell>{row.gaps}</TableCell>
                          {fleet.change && (
                            <TableCell>
                              {delta
                                ? `${t('fleet.gaps')} ${signed(
                                    delta.gaps,
                                  )}, ${t('fleet.covered')} ${signed(
                                    delta.covered,
                                  )}`
                                : ''}
                            </TableCell>
                          )}
                          <TableCell>
                            <Button
                              size="small"
                              aria-expanded={expanded}
                              onClick={() =>
                                setOpen(
                                  expanded ? undefined : row.responsibilityId,
                                )
                              }
                            >
                              {t('fleet.showComponents')}
                            </Button>
                          </TableCell>
                        </TableRow>
                        <TableRow>
                          <TableCell
                            colSpan={fleet.change ? 7 : 6}
                            style={{
                              padding: 0,
                              border: expanded ? undefined : 0,
                            }}
                          >
                            <Collapse in={expanded} unmountOnExit>
                              <ComponentsBehind
                                row={
                                  refsCurrent
                                    ? refRows.get(row.responsibilityId)
                                    : undefined
                                }
                                loading={refs.loading || !refsCurrent}
                                error={refsCurrent ? refs.error : undefined}
                              />
                            </Collapse>
                          </TableCell>
                        </TableRow>
                      </Fragment>
                    );
                  })}
                </TableBody>
              </Table>
            )}
          </section>
        </>
      )}
    </>
  );
}
