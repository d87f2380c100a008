import { Progress, ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { EntityRefLinks } from '@backstage/plugin-catalog-react';
import { FleetResponsibility } from '@meshcoverage/plugin-mesh-coverage-common';
import {
  Button,
  Collapse,
  FormControl,
  InputLabel,
  makeStyles,
  MenuItem,
  Select,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Typography,
} from '@material-ui/core';
import { Fragment, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { meshCoverageApiRef } from '../../api';
import { useAppMatrixLanguage } from '../../hooks/useAppMatrixLanguage';
import { useMatrix } from '../../hooks/useMatrix';
import { meshCoverageTranslationRef } from '../../translation';
import { HeaderRow } from '../HeaderRow';
import { MatrixText } from '../MatrixText';

const WHAT_IF_PARAM = 'whatIf';

const useStyles = makeStyles(theme => ({
  controls: {
    display: 'flex',
    gap: theme.spacing(3),
    alignItems: 'center',
    margin: theme.spacing(2, 0),
  },
  select: { minWidth: 220 },
  section: { marginTop: theme.spacing(3) },
  refs: {
    display: 'grid',
    gridTemplateColumns: 'repeat(3, 1fr)',
    gap: theme.spacing(2),
    padding: theme.spacing(1, 2),
  },
}));

const signed = (value: number) => (value > 0 ? `+${value}` : String(value));

function ComponentsBehind(props: { row: FleetResponsibility }) {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const refs = props.row.entityRefs;
  if (!refs) {
    return null;
  }
  return (
    <div className={classes.refs}>
      {(
        [
          ['covered', t('fleet.covered')],
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

/** Coverage across the catalog, per mesh and per responsibility, with a what-if. */
export function FleetTab() {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const api = useApi(meshCoverageApiRef);
  const { matrix, index } = useMatrix();
  const { appLanguage: language } = useAppMatrixLanguage();
  const [params, setParams] = useSearchParams();
  const whatIf = params.get(WHAT_IF_PARAM) ?? '';
  const [open, setOpen] = useState<string>();
  const {
    loading,
    error,
    value: fleet,
  } = useAsync(
    () =>
      api.getFleet({
        whatIfMesh: whatIf || undefined,
        includeEntityRefs: true,
      }),
    [api, whatIf],
  );

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

  return (
    <>
      <div className={classes.controls}>
        <FormControl variant="outlined" size="small" className={classes.select}>
          <InputLabel id="mesh-coverage-what-if">
            {t('fleet.whatIf')}
          </InputLabel>
          <Select
            labelId="mesh-coverage-what-if"
            label={t('fleet.whatIf')}
            value={whatIf}
            onChange={event => setWhatIf(String(event.target.value))}
          >
            <MenuItem value="">{t('fleet.today')}</MenuItem>
            {index?.meshIds.map(id => (
              <MenuItem key={id} value={id}>
                {toolName(id)}
              </MenuItem>
            ))}
          </Select>
        </FormControl>
        {fleet && fleet.meanCoverage !== null && (
          <Typography>
            {t('fleet.meanCoverage', { value: `${fleet.meanCoverage} %` })}
            {fleet.today?.meanCoverage !== undefined &&
              fleet.today.meanCoverage !== null &&
              ` (${t('fleet.today')}: ${fleet.today.meanCoverage} %)`}
          </Typography>
        )}
      </div>
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
                              <ComponentsBehind row={row} />
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
