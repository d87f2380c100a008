import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { getCompoundEntityRef } from '@backstage/catalog-model';
import { useEntity } from '@backstage/plugin-catalog-react';
import { CoverageReport } from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageChecksApiRef, MESH_COVERAGE_CHECK_IDS } from '../../api';
import { useMatrix } from '../../hooks/useMatrix';
import { CheckFix, fixesForCheck } from '../../lib/checkFixes';
import { meshCoverageTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  list: { listStyle: 'none', padding: 0, margin: 0 },
  check: { marginBottom: theme.spacing(1.5) },
  verdict: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    fontWeight: 600,
  },
  passed: { color: theme.palette.success.main },
  failed: { color: theme.palette.error.main },
  description: { color: theme.palette.text.secondary },
  fixes: { margin: theme.spacing(0.5, 0, 0), paddingLeft: theme.spacing(2) },
}));

type MeshCoverageCheckId = (typeof MESH_COVERAGE_CHECK_IDS)[number];

/** Only our checks are shown: their name and description come from our translations. */
const checkId = (id: string) => id as MeshCoverageCheckId;

/** Tech Insights answers 404 where its backend is not installed: then there is no scorecard. */
function isNotInstalled(error: Error): boolean {
  return (error as Error & { statusCode?: number }).statusCode === 404;
}

/**
 * The verdicts of the mesh coverage checks for the entity on the page, with fixes for failures,
 * under a "Scorecard" heading. Left out entirely in an app without the Tech Insights backend.
 */
export function MeshCoverageScorecard(props: {
  report?: CoverageReport;
  className?: string;
}) {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { entity } = useEntity();
  const checksApi = useApi(meshCoverageChecksApiRef);
  const { index } = useMatrix();
  // Tech Insights stores facts under lower-case kinds and namespaces.
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const entityRef = {
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
    name,
  };
  const { loading, error, value } = useAsync(async () => {
    // Only the checks this portal configures: asking Tech Insights for one it does not know
    // fails the whole request (an adopter may not have added a newer check yet).
    const configured = new Set(
      (await checksApi.getAllChecks()).map(check => check.id),
    );
    const ids = MESH_COVERAGE_CHECK_IDS.filter(id => configured.has(id));
    return ids.length ? checksApi.runChecks(entityRef, ids) : [];
  }, [checksApi, entityRef.kind, entityRef.namespace, entityRef.name]);

  const fixText = (fix: CheckFix) => {
    switch (fix.kind) {
      case 'declare':
        return t('scorecard.declare');
      case 'fixAnnotations':
        return t('scorecard.fixAnnotations', { errors: fix.errors.join('; ') });
      case 'coverGap':
        return fix.meshes.length
          ? t('scorecard.coverGap', {
              id: fix.responsibilityId,
              meshes: fix.meshes.join(', '),
            })
          : t('scorecard.coverGapNoMesh', { id: fix.responsibilityId });
      case 'matchObserved':
        return t('scorecard.matchObserved');
      case 'turnOn':
        return t('scorecard.turnOn', { ids: fix.responsibilityIds.join(', ') });
      default:
        return t('scorecard.coverMtls', { meshes: fix.meshes.join(', ') });
    }
  };

  if (error && isNotInstalled(error)) {
    return null;
  }
  return (
    <div className={props.className}>
      <Typography variant="subtitle2" component="h3">
        {t('scorecard.title')}
      </Typography>
      {renderVerdicts()}
    </div>
  );

  function renderVerdicts() {
    if (loading) {
      return <Progress />;
    }
    if (error) {
      return (
        <Typography color="error">
          {t('scorecard.error', { message: error.message })}
        </Typography>
      );
    }
    const results = (value ?? []).filter(r =>
      (MESH_COVERAGE_CHECK_IDS as readonly string[]).includes(r.check.id),
    );
    if (results.length === 0) {
      return <Typography>{t('scorecard.noFacts')}</Typography>;
    }
    return (
      <ul className={classes.list} aria-label={t('scorecard.title')}>
        {results.map(({ check, result, facts }) => {
          const passed = result === true;
          const declared = facts?.requirementsDeclared?.value === true;
          const fixes =
            !passed && index
              ? fixesForCheck(check.id, props.report, index, declared)
              : [];
          return (
            <li
              key={check.id}
              className={classes.check}
              data-check={check.id}
              data-result={passed ? 'passed' : 'failed'}
            >
              <span
                className={`${classes.verdict} ${
                  passed ? classes.passed : classes.failed
                }`}
              >
                {passed ? (
                  <CheckCircleIcon fontSize="small" aria-hidden />
                ) : (
                  <CancelIcon fontSize="small" aria-hidden />
                )}
                {passed ? t('scorecard.passed') : t('scorecard.failed')}
              </span>{' '}
              <Typography component="span" variant="subtitle2">
                {t(`scorecard.checks.${checkId(check.id)}.name`)}
              </Typography>
              <Typography variant="body2" className={classes.description}>
                {t(`scorecard.checks.${checkId(check.id)}.description`)}
              </Typography>
              {fixes.length > 0 && (
                <>
                  <Typography variant="body2">
                    {t('scorecard.fixLabel')}
                  </Typography>
                  <ul className={classes.fixes}>
                    {fixes.map(fix => {
                      const text = fixText(fix);
                      return <li key={text}>{text}</li>;
                    })}
                  </ul>
                </>
              )}
            </li>
          );
        })}
      </ul>
    );
  }
}
