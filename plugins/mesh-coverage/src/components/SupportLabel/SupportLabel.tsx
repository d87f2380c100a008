import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Support } from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles } from '@material-ui/core';
import CheckCircleIcon from '@material-ui/icons/CheckCircle';
import CancelIcon from '@material-ui/icons/Cancel';
import AdjustIcon from '@material-ui/icons/Adjust';
import HelpOutlineIcon from '@material-ui/icons/HelpOutline';
import RemoveIcon from '@material-ui/icons/Remove';
import { meshCoverageTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    whiteSpace: 'nowrap',
  },
  yes: { color: theme.palette.success.main },
  partial: { color: theme.palette.warning.main },
  no: { color: theme.palette.error.main },
  neutral: { color: theme.palette.text.secondary },
}));

const ICONS = {
  yes: CheckCircleIcon,
  partial: AdjustIcon,
  no: CancelIcon,
  unknown: HelpOutlineIcon,
  'not-applicable': RemoveIcon,
  missing: RemoveIcon,
};

/** A support value as an icon and a text label: never colour alone. */
export function SupportLabel(props: { support: Support | 'missing' }) {
  const { support } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const Icon = ICONS[support];
  const label = {
    yes: t('support.yes'),
    no: t('support.no'),
    partial: t('support.partial'),
    unknown: t('support.unknown'),
    'not-applicable': t('support.notApplicable'),
    missing: t('support.missing'),
  }[support];
  const tone =
    support === 'yes' || support === 'partial' || support === 'no'
      ? classes[support]
      : classes.neutral;
  return (
    <span className={`${classes.root} ${tone}`} data-support={support}>
      <Icon fontSize="small" aria-hidden />
      <span>{label}</span>
    </span>
  );
}
