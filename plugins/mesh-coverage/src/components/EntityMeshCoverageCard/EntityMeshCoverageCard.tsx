import {
  CodeSnippet,
  InfoCard,
  LinearGauge,
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { makeStyles, Typography } from '@material-ui/core';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useEntityCoverage } from '../../hooks/useEntityCoverage';
import { useMatrix } from '../../hooks/useMatrix';
import { EditionNote } from '../EditionSwitch';
import { catalogInfoSnippet } from '../../lib/catalogInfoSnippet';
import { computedCoverage } from '../../lib/computedCoverage';
import { observedView } from '../../lib/observedMesh';
import { meshCoverageTranslationRef } from '../../translation';
import { MatrixText } from '../MatrixText';
import { MeshCoverageScorecard } from '../MeshCoverageScorecard';

const useStyles = makeStyles(theme => ({
  row: {
    display: 'flex',
    gap: theme.spacing(2),
    alignItems: 'baseline',
    marginBottom: theme.spacing(1),
  },
  coverage: { fontSize: '2rem', fontWeight: 600 },
  gauge: { flexGrow: 1 },
  gaps: { margin: theme.spacing(1, 0, 0), paddingLeft: theme.spacing(2) },
  gap: { marginBottom: theme.spacing(1) },
  alternative: { display: 'block', color: theme.palette.text.secondary },
  errors: { margin: 0, paddingLeft: theme.spacing(2) },
  scorecard: { marginTop: theme.spacing(2) },
  unavailable: { color: theme.palette.text.secondary },
}));

/** @public */
export interface EntityMeshCoverageCardProps {
  /**
   * Show the Tech Insights scorecard (default true). Without the Tech Insights backend the card
   * leaves it out by itself.
   */
  showScorecard?: boolean;
}

/** Overview card: the mesh, coverage as a number and a bar, the gaps and any annotation errors. */
export function EntityMeshCoverageCard(
  props: EntityMeshCoverageCardProps = {},
) {
  const { showScorecard = true } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { entity, available, loading, error, report } = useEntityCoverage();
  const { matrix, index } = useMatrix();
  const { appLanguage: language } = useAppMatrixLanguage();
  const renderCoverage = (coverage: number | null) => (
    <div className={classes.row}>
      <Typography variant="subtitle2">{t('card.coverage')}</Typography>
      {coverage === null ? (
        <Typography>{t('card.nothingRequired')}</Typography>
      ) : (
        <>
          <Typography
            className={classes.coverage}
            data-testid="mesh-coverage-value"
          >
            {t('card.coverageValue', { value: String(coverage) })}
          </Typography>
          <div className={classes.gauge} aria-hidden>
            <LinearGauge value={coverage / 100} />
          </div>
        </>
      )}
    </div>
  );

  if (!available) {
    return (
      <InfoCard title={t('card.title')}>
        <Typography variant="subtitle1">{t('card.emptyTitle')}</Typography>
        <Typography variant="body2" paragraph>
          {t('card.emptyDescription')}
        </Typography>
        <CodeSnippet
          text={catalogInfoSnippet(entity.metadata.name)}
          language="yaml"
          showCopyCodeButton
        />
      </InfoCard>
    );
  }
  if (loading) {
    // The catalog's own figure, computed by the processor, shows while the report loads.
    const computed = computedCoverage(entity);
    return (
      <InfoCard title={t('card.title')}>
        {computed !== undefined && renderCoverage(computed)}
        <Progress />
      </InfoCard>
    );
  }
  if (error || !report) {
    return (
      <ResponseErrorPanel error={error ?? new Error('No coverage report')} />
    );
  }

  const meshTool = index?.tool(report.mesh);
  const title = (id: string) =>
    matrix?.responsibilities.find(r => r.id === id)?.title;
  const gaps = report.items.filter(item => item.status === 'gap');
  const turnedOff = report.items.filter(item => item.status === 'turned-off');

  /** Required responsibilities by title; a gap also says how to cover it without a mesh. */
  const responsibilityList = (
    items: typeof gaps,
    label: string,
    withGapDetails: boolean,
  ) => (
    <ul className={classes.gaps} aria-label={label}>
      {items.map(item => (
        <li
          key={item.responsibilityId}
          className={classes.gap}
          data-responsibility={item.responsibilityId}
        >
          <MatrixText text={title(item.responsibilityId)} language={language} />
          {withGapDetails && item.unknown && ` (${t('card.unknownGap')})`}
          {withGapDetails && item.alternative && (
            <span className={classes.alternative}>
              {t('card.alternative')}{' '}
              <MatrixText text={item.alternative} language={language} />
            </span>
          )}
        </li>
      ))}
    </ul>
  );
  const meshName = (id: string) => index?.tool(id)?.name ?? id;
  const observation = index ? observedView(report, index) : undefined;
  const renderObserved = () => {
    if (observation?.kind === 'unavailable') {
      return (
        <Typography
          variant="body2"
          className={classes.unavailable}
          data-testid="mesh-coverage-observed-unavailable"
        >
          {t('card.observedUnavailable', { message: observation.message })}
        </Typography>
      );
    }
    if (observation?.kind !== 'observed') {
      return null;
    }
    const { observed, agreement } = observation;
    const figures = {
      declared: meshName(report.mesh),
      pods: String(observed.pods),
      meshed: String(observed.meshedPods),
      observed: observed.mesh ? meshName(observed.mesh) : '',
    };
    let summary: string;
    if (observed.pods === 0) {
      summary = t('card.observedNoPods', figures);
    } else if (meshTool?.kind === 'baseline') {
      summary = t('card.observedNone', figures);
    } else if (observed.mesh && observed.mesh !== report.mesh) {
      summary = t('card.observedOther', figures);
    } else {
      summary = t('card.observedMeshed', figures);
    }
    let warning: { title: string; message: string } | undefined;
    if (agreement === 'partial') {
      warning = {
        title: t('card.observedPartialTitle'),
        message: t('card.observedPartial', {
          ...figures,
          unmeshed: String(observed.pods - observed.meshedPods),
        }),
      };
    } else if (agreement === 'differs') {
      let message: string = t('card.observedDiffers', figures);
      if (meshTool?.kind === 'baseline') {
        message = t('card.observedUndeclaredMesh', figures);
      } else if (observed.mesh) {
        message = t('card.observedOtherMesh', figures);
      }
      warning = { title: t('card.observedDiffersTitle'), message };
    }
    return (
      <>
        <div className={classes.row}>
          <Typography variant="subtitle2">{t('card.observed')}</Typography>
          <Typography
            data-testid="mesh-coverage-observed"
            data-agreement={agreement}
            title={observed.dataPlanes
              .map(
                plane => `${meshName(plane.mesh)} ${plane.mode}: ${plane.pods}`,
              )
              .join(', ')}
          >
            {summary}
          </Typography>
        </div>
        {warning && (
          <WarningPanel
            severity="warning"
            title={warning.title}
            message={warning.message}
            defaultExpanded
          />
        )}
      </>
    );
  };

  return (
    <InfoCard title={t('card.title')}>
      {report.errors.length > 0 && (
        <WarningPanel
          severity="error"
          title={t('card.errorsTitle')}
          defaultExpanded
        >
          <ul className={classes.errors}>
            {report.errors.map(message => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        </WarningPanel>
      )}
      <div className={classes.row}>
        <Typography variant="subtitle2">{t('card.mesh')}</Typography>
        <Typography data-testid="mesh-coverage-mesh">
          {meshTool?.kind === 'baseline'
            ? t('card.noMesh')
            : meshTool?.name ?? report.mesh}
        </Typography>
        {report.meshSource === 'observed' && (
          <Typography
            variant="body2"
            className={classes.unavailable}
            data-testid="mesh-coverage-mesh-source"
          >
            {t('card.meshFromPods')}
          </Typography>
        )}
      </div>
      {renderObserved()}
      {renderCoverage(report.coverage)}
      {report.coverage !== null &&
        (gaps.length > 0 || turnedOff.length === 0) && (
          <>
            <Typography variant="subtitle2">{t('card.gaps')}</Typography>
            {gaps.length === 0 ? (
              <Typography>{t('card.noGaps')}</Typography>
            ) : (
              responsibilityList(gaps, t('card.gaps'), true)
            )}
          </>
        )}
      {turnedOff.length > 0 && (
        <>
          <Typography variant="subtitle2">{t('card.turnedOff')}</Typography>
          {responsibilityList(turnedOff, t('card.turnedOff'), false)}
          <Typography variant="body2" className={classes.unavailable}>
            {t('card.turnedOffHint')}
          </Typography>
        </>
      )}
      {showScorecard && (
        <MeshCoverageScorecard report={report} className={classes.scorecard} />
      )}
      <EditionNote meta={matrix?.meta} />
    </InfoCard>
  );
}
