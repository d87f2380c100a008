import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { Support } from '@meshcoverage/plugin-mesh-coverage-common';
import { makeStyles } from '@material-ui/core';
import { useMemo } from 'react';
import { meshCoverageTranslationRef } from '../../translation';

const useStyles = makeStyles(theme => ({
  icon: {
    width: 20,
    height: 20,
    flexShrink: 0,
    fill: 'none',
    stroke: 'currentColor',
    strokeWidth: 2,
    strokeLinecap: 'round',
    strokeLinejoin: 'round',
  },
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

/**
 * Our own small line icons, as plain SVG: Material UI's icon components are a styled component
 * each, too heavy for the thousands of cells of a large matrix. Each support value has its own
 * shape, so nothing relies on colour.
 */
const RING = <circle cx="12" cy="12" r="9" />;
const DASH = <path d="M6 12h12" />;
const ICON_SHAPES: Record<Support | 'missing', JSX.Element> = {
  yes: (
    <>
      {RING}
      <path d="M7.5 12.5l3 3 6-6.5" />
    </>
  ),
  partial: (
    <>
      {RING}
      <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
    </>
  ),
  no: (
    <>
      {RING}
      <path d="M8.5 8.5l7 7M15.5 8.5l-7 7" />
    </>
  ),
  unknown: (
    <>
      {RING}
      <path d="M9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 16.5v.5" />
    </>
  ),
  'not-applicable': DASH,
  missing: DASH,
};

type Shown = Support | 'missing';

/** What every support label of a view shares: its texts and classes, made once per table. */
export interface SupportLabelKit {
  labels: Record<Shown, string>;
  classes: ReturnType<typeof useStyles>;
}

/** The labels and classes for {@link renderSupportLabel}. */
export function useSupportLabelKit(): SupportLabelKit {
  const classes = useStyles();
  const { t } = useTranslationRef(meshCoverageTranslationRef);
  const labels = useMemo(
    () => ({
      yes: t('support.yes'),
      no: t('support.no'),
      partial: t('support.partial'),
      unknown: t('support.unknown'),
      'not-applicable': t('support.notApplicable'),
      missing: t('support.missing'),
    }),
    [t],
  );
  return useMemo(() => ({ labels, classes }), [labels, classes]);
}

/**
 * A support value as an icon and a text label: never colour alone. A plain function, not a
 * component with hooks, because a comparison table shows thousands of them.
 */
export function renderSupportLabel(support: Shown, kit: SupportLabelKit) {
  const { classes, labels } = kit;
  const tone =
    support === 'yes' || support === 'partial' || support === 'no'
      ? classes[support]
      : classes.neutral;
  return (
    <span className={`${classes.root} ${tone}`} data-support={support}>
      <svg
        className={classes.icon}
        viewBox="0 0 24 24"
        aria-hidden="true"
        focusable="false"
      >
        {ICON_SHAPES[support]}
      </svg>
      <span>{labels[support]}</span>
    </span>
  );
}

/** A support value as an icon and a text label: never colour alone. */
export function SupportLabel(props: { support: Shown }) {
  return renderSupportLabel(props.support, useSupportLabelKit());
}
