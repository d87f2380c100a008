import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { SUPPORT_VALUES } from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles, Typography } from '@material-ui/core';
import { meshCoverageTranslationRef } from '../../translation';
import { SupportLabel } from '../SupportLabel';

const useStyles = makeStyles(theme => ({
  list: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: theme.spacing(2),
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
}));

/** What each mark of the tables means. */
export function Legend() {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  return (
    <section aria-labelledby="mesh-coverage-legend">
      <Typography variant="h6" component="h2" id="mesh-coverage-legend">
        {t('legend.title')}
      </Typography>
      <ul className={classes.list}>
        {[...SUPPORT_VALUES, 'missing' as const].map(support => (
          <li key={support}>
            <SupportLabel support={support} />
          </li>
        ))}
        <li>
          <Typography variant="body2">{t('legend.alternative')}</Typography>
        </li>
      </ul>
    </section>
  );
}
