import {
  FormControl,
  FormLabel,
  makeStyles,
  MenuItem,
  OutlinedInput,
  Select,
} from '@material-ui/core';

const useStyles = makeStyles(theme => ({
  field: { minWidth: 180 },
  // A label above the field rather than an outlined floating label: a floating label is cut at
  // the field's width, and the Japanese what-if labels (17 and 18 full-width characters, about
  // 270–290 px unshrunk) are wider than the fields' options. Above the field, the label sets the
  // control's width (an inline-flex column) and wraps only when its container is narrower.
  label: { marginBottom: theme.spacing(0.5), fontSize: '0.875rem' },
}));

/** A small outlined select with its label above it; the empty value shows `emptyLabel`. */
export function LabelledSelect(props: {
  id: string;
  label: string;
  value: string;
  emptyLabel: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  className?: string;
}) {
  const classes = useStyles();
  const labelId = `${props.id}-label`;
  return (
    <FormControl
      size="small"
      className={[classes.field, props.className].filter(Boolean).join(' ')}
    >
      <FormLabel id={labelId} className={classes.label}>
        {props.label}
      </FormLabel>
      <Select
        labelId={labelId}
        id={props.id}
        value={props.value}
        displayEmpty
        input={<OutlinedInput margin="dense" />}
        onChange={event => props.onChange(String(event.target.value))}
      >
        <MenuItem value="">{props.emptyLabel}</MenuItem>
        {props.options.map(option => (
          <MenuItem key={option.value} value={option.value}>
            {option.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
