import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  CodeSnippet,
  InfoCard,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import {
  Configuration,
  CoverageStatus,
  evaluateCoverage,
  parseComponent,
} from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Grid,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { useMemo, useState } from 'react';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useEntityCoverage } from '../../hooks/useEntityCoverage';
import { useMatrix } from '../../hooks/useMatrix';
import { EditionNote } from '../EditionSwitch';
import { meshCoverageTranslationRef } from '../../translation';
import { EntityMeshCoverageCard } from '../EntityMeshCoverageCard';
import { HeaderRow } from '../HeaderRow';
import { LabelledSelect } from '../LabelledSelect';
import { MatrixText } from '../MatrixText';
import { SupportLabel } from '../SupportLabel';
import { CoverageHistory } from './CoverageHistory';
import { localize } from '../../lib/localize';
import { observedView } from '../../lib/observedMesh';

/** The what-if option that evaluates what runs rather than a mesh picked by hand. */
const AS_OBSERVED = 'as-observed';

const useStyles = makeStyles(theme => ({
  select: { marginBottom: theme.spacing(2) },
  changed: { fontWeight: 600, whiteSpace: 'nowrap' },
  // Short headers never break inside a word; long cell text wraps instead.
  table: { '& thead th': { whiteSpace: 'nowrap', wordBreak: 'normal' } },
  status: { whiteSpace: 'nowrap' },
  evidence: {
    display: 'block',
    color: theme.palette.text.secondary,
    fontSize: theme.typography.caption.fontSize,
  },
  fix: { paddingTop: 0 },
}));

/**
 * Tab content: every required responsibility with its status, cell, alternative and a what-if,
 * and the component's coverage over the fleet snapshots.
 */
export function EntityMeshCoverageContent() {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { entity, loading, error, report } = useEntityCoverage();
  const { matrix, index, error: matrixError } = useMatrix();
  const { appLanguage: language } = useAppMatrixLanguage();
  const [whatIf, setWhatIf] = useState('');

  const observation = index && report ? observedView(report, index) : undefined;
  const asObservedMesh =
    observation?.kind === 'observed' ? observation.asObservedMesh : undefined;
  const whatIfMesh = whatIf === AS_OBSERVED ? asObservedMesh : whatIf;

  const whatIfReport = useMemo(() => {
    if (!whatIfMesh || !index || !report) {
      return undefined;
    }
    const { implements: implemented } = parseComponent(index, {
      annotations: entity.metadata.annotations,
    });
    return evaluateCoverage(index, {
      mesh: whatIfMesh,
      requires: report.items.map(item => item.responsibilityId),
      implements: implemented,
    });
  }, [whatIfMesh, index, report, entity]);

  if (loading) {
    return <Progress />;
  }
  if (error || matrixError) {
    return <ResponseErrorPanel error={(error ?? matrixError)!} />;
  }
  const statusLabel = (status: CoverageStatus) =>
    ({
      mesh: t('content.statusMesh'),
      app: t('content.statusApp'),
      gap: t('content.statusGap'),
      'turned-off': t('content.statusTurnedOff'),
    }[status]);
  const whatIfStatus = new Map(
    whatIfReport?.items.map(item => [item.responsibilityId, item]),
  );
  const title = (id: string) =>
    matrix?.responsibilities.find(r => r.id === id)?.title;
  const meshName = (id: string) => index?.tool(id)?.name ?? id;
  const configuredLabel = (configuration: Configuration) =>
    ({
      yes: t('content.configuredYes'),
      default: t('content.configuredDefault'),
      no: t('content.configuredNo'),
      unknown: t('content.configuredUnknown'),
    }[configuration.state]);
  const renderConfigured = (configuration?: Configuration) =>
    configuration && (
      <>
        <span
          data-configured={configuration.state}
          title={
            configuration.reason ??
            (configuration.description &&
              localize(configuration.description, language))
          }
        >
          {configuredLabel(configuration)}
        </span>
        {configuration.evidence?.map((evidence, i) => (
          <span key={i} className={classes.evidence} data-evidence>
            {evidence.name
              ? t('content.evidence', {
                  kind: evidence.kind,
                  namespace: evidence.namespace ?? '',
                  name: evidence.name,
                  cluster: evidence.cluster ?? '',
                })
              : t('content.evidenceHidden', { kind: evidence.kind })}
          </span>
        ))}
      </>
    );
  const hasConfigured = report?.items.some(item => item.configured);
  const columns = 4 + (hasConfigured ? 1 : 0) + (whatIfReport ? 1 : 0);
  const asObservedLabel =
    asObservedMesh &&
    (observation?.kind === 'observed' && observation.agreement === 'partial'
      ? t('content.whatIfObservedPartial', { mesh: meshName(asObservedMesh) })
      : t('content.whatIfObserved', { mesh: meshName(asObservedMesh) }));

  return (
    <Grid container spacing={3}>
      <Grid item xs={12} md={4}>
        <EntityMeshCoverageCard />
      </Grid>
      <Grid item xs={12} md={8}>
        <InfoCard title={t('content.title')}>
          {!report || report.items.length === 0 ? (
            <Typography>{t('content.noRequirements')}</Typography>
          ) : (
            <>
              <LabelledSelect
                id="mesh-coverage-entity-what-if"
                className={classes.select}
                label={t('content.whatIf')}
                emptyLabel={t('content.whatIfNone')}
                value={whatIf}
                options={[
                  ...(asObservedLabel
                    ? [{ value: AS_OBSERVED, label: asObservedLabel }]
                    : []),
                  ...(index?.meshIds
                    .filter(id => id !== report.mesh)
                    .map(id => ({ value: id, label: meshName(id) })) ?? []),
                ]}
                onChange={setWhatIf}
              />
              {whatIfReport && (
                <WarningPanel
                  severity="info"
                  title={
                    whatIfReport.coverage === report.coverage
                      ? t('content.whatIfSame', {
                          value: `${report.coverage} %`,
                        })
                      : t('content.whatIfChange', {
                          from: `${report.coverage} %`,
                          to: `${whatIfReport.coverage} %`,
                        })
                  }
                />
              )}
              <Table
                size="small"
                aria-label={t('content.title')}
                className={classes.table}
              >
                <HeaderRow
                  labels={[
                    t('table.responsibility'),
                    t('content.status'),
                    ...(hasConfigured ? [t('content.configured')] : []),
                    t('content.cell'),
                    t('content.alternative'),
                    ...(whatIfReport && whatIfMesh
                      ? [
                          whatIf === AS_OBSERVED && asObservedLabel
                            ? asObservedLabel
                            : meshName(whatIfMesh),
                        ]
                      : []),
                  ]}
                />
                <TableBody>
                  {report.items.map(item => {
                    const after = whatIfStatus.get(item.responsibilityId);
                    const changed = after && after.status !== item.status;
                    const fix =
                      item.status === 'turned-off'
                        ? item.configured?.fix
                        : undefined;
                    return [
                      <TableRow
                        key={item.responsibilityId}
                        data-responsibility={item.responsibilityId}
                      >
                        <TableCell component="th" scope="row">
                          <MatrixText
                            text={title(item.responsibilityId)}
                            language={language}
                          />
                        </TableCell>
                        <TableCell
                          data-status={item.status}
                          className={classes.status}
                        >
                          {statusLabel(item.status)}
                        </TableCell>
                        {hasConfigured && (
                          <TableCell>
                            {renderConfigured(item.configured)}
                          </TableCell>
                        )}
                        <TableCell>
                          <SupportLabel support={item.support} />
                        </TableCell>
                        <TableCell>
                          {item.alternative && (
                            <MatrixText
                              text={item.alternative}
                              language={language}
                            />
                          )}
                        </TableCell>
                        {whatIfReport && (
                          <TableCell
                            data-status={after?.status}
                            className={changed ? classes.changed : undefined}
                          >
                            {after && statusLabel(after.status)}
                            {changed && ` (${t('content.changed')})`}
                          </TableCell>
                        )}
                      </TableRow>,
                      item.status === 'turned-off' && (
                        <TableRow
                          key={`${item.responsibilityId}-fix`}
                          data-fix-for={item.responsibilityId}
                        >
                          <TableCell colSpan={columns} className={classes.fix}>
                            <Typography variant="body2">
                              {t('content.turnedOff', {
                                mesh: meshName(report.mesh),
                                responsibility:
                                  title(item.responsibilityId)?.[language] ??
                                  item.responsibilityId,
                                component: entity.metadata.name,
                                reason: item.configured?.description
                                  ? localize(
                                      item.configured.description,
                                      language,
                                    )
                                  : item.configured?.reason ?? '',
                              })}
                            </Typography>
                            {fix && (
                              <>
                                <Typography variant="body2">
                                  {t('content.fix')}
                                </Typography>
                                <CodeSnippet
                                  text={fix}
                                  language="yaml"
                                  showCopyCodeButton
                                />
                              </>
                            )}
                          </TableCell>
                        </TableRow>
                      ),
                    ];
                  })}
                </TableBody>
              </Table>
            </>
          )}
          <EditionNote meta={matrix?.meta} />
        </InfoCard>
      </Grid>
      <Grid item xs={12} md={8}>
        <CoverageHistory entityRef={stringifyEntityRef(entity)} />
      </Grid>
    </Grid>
  );
}
