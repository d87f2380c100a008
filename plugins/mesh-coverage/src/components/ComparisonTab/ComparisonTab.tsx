import {
  Progress,
  ResponseErrorPanel,
  WarningPanel,
} from '@backstage/core-components';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Language } from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import { useEffect, useMemo, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import { useSearchParams } from 'react-router-dom';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useMatrix } from '../../hooks/useMatrix';
import {
  buildComparisonLayout,
  buildComparisonView,
  ComparisonViewState,
  shownRowKeys,
} from '../../lib/comparisonView';
import { comparisonViewToCsv } from '../../lib/csv';
import { downloadText } from '../../lib/download';
import { readViewState, writeViewState } from '../../lib/viewState';
import { meshCoverageTranslationRef } from '../../translation';
import { ComparisonControls } from '../ComparisonControls';
import { ComparisonGroups } from '../ComparisonGroups';
import { EditionSwitch } from '../EditionSwitch';
import { Legend } from '../Legend';
import { MatrixText } from '../MatrixText';

const useStyles = makeStyles(theme => ({
  intro: { marginBottom: theme.spacing(2) },
  meta: { color: theme.palette.text.secondary, marginTop: theme.spacing(2) },
}));

/** The matrix as the source document groups it, with the view's state in the URL. */
export function ComparisonTab() {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const { appLanguage, switchAppLanguage } = useAppMatrixLanguage();
  const [params, setParams] = useSearchParams();
  const query = params.toString();
  const linked = useMemo(
    () => readViewState(new URLSearchParams(query), appLanguage),
    [query, appLanguage],
  );
  // The filter follows the keyboard and reaches the URL once typing pauses, as the catalog's
  // search bar does: writing the URL re-renders everything under the router, every row included.
  const [filter, setFilter] = useState(linked.filter);
  useEffect(() => setFilter(linked.filter), [linked.filter]);
  const state = useMemo(() => ({ ...linked, filter }), [linked, filter]);
  useDebounce(
    () => {
      if (filter !== linked.filter) {
        setParams(writeViewState(params, state), { replace: true });
      }
    },
    250,
    [filter],
  );
  const { loading, error, matrix, index } = useMatrix(state.edition);
  // What the portal serves, for the edition switch (the same request when no edition is asked for).
  const served = useMatrix();
  const view = useMemo(
    () => (index ? buildComparisonView(index, state) : undefined),
    [index, state],
  );
  // The tables depend on the chosen tools only; filters hide rows in them.
  const toolsKey = state.tools?.join(',');
  const layout = useMemo(
    () => (index ? buildComparisonLayout(index, state) : undefined),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [index, toolsKey],
  );
  const shown = useMemo(() => view && shownRowKeys(view), [view]);
  // A shared link names its language; show the UI strings in it too.
  const linkedLanguage = new URLSearchParams(query).get('lang');
  useEffect(() => {
    if (
      (linkedLanguage === 'ja' || linkedLanguage === 'en') &&
      linkedLanguage !== appLanguage
    ) {
      switchAppLanguage(linkedLanguage);
    }
    // Only when the link changes, not when the user later switches the app language elsewhere.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [linkedLanguage]);

  if (loading) {
    return <Progress />;
  }
  if (error) {
    return <ResponseErrorPanel error={error} />;
  }
  if (!matrix || !index || !view || !layout || !shown) {
    return null;
  }
  const { language } = state;
  const setState = (next: ComparisonViewState) =>
    setParams(writeViewState(params, next), { replace: true });
  const changeLanguage = (next: Language) => {
    setState({ ...state, language: next });
    switchAppLanguage(next);
  };

  return (
    <>
      {matrix.meta.error && (
        <WarningPanel
          severity="warning"
          title={t('matrixMeta.refreshError', {
            message: matrix.meta.error.message,
          })}
        />
      )}
      {matrix.description && (
        <div className={classes.intro}>
          <MatrixText
            text={matrix.description}
            language={language}
            component="p"
          />
        </div>
      )}
      <div className={classes.intro}>
        <EditionSwitch
          served={(served.matrix ?? matrix).meta}
          requested={state.edition}
          onChange={edition => setState({ ...state, edition })}
        />
      </div>
      <ComparisonControls
        tools={matrix.tools}
        state={state}
        onChange={setState}
        onFilterChange={setFilter}
        onLanguageChange={changeLanguage}
        shownCount={view.shownCount}
        totalCount={view.totalCount}
        onExportCsv={() =>
          downloadText(
            'mesh-comparison.csv',
            comparisonViewToCsv(view, language),
            'text/csv;charset=utf-8',
          )
        }
        onExportJson={() => {
          const { meta, ...document } = matrix;
          downloadText(
            'mesh-matrix.json',
            `${JSON.stringify(document, null, 2)}\n`,
            'application/json',
          );
        }}
      />
      <Legend />
      {view.categories.length === 0 && (
        <Typography>{t('table.noMatch')}</Typography>
      )}
      <ComparisonGroups layout={layout} shown={shown} language={language} />
      <Typography variant="caption" component="p" className={classes.meta}>
        {t('matrixMeta.source', {
          source: matrix.meta.source,
          loadedAt: matrix.meta.loadedAt,
        })}
      </Typography>
      {matrix.meta.claimMaxAge && (
        <Typography variant="caption" component="p" className={classes.meta}>
          {t('matrixMeta.claimMaxAge', {
            days: String(matrix.meta.claimMaxAge.days),
          })}
        </Typography>
      )}
    </>
  );
}
