export {
  SupportLabel,
  renderSupportLabel,
  useSupportLabelKit,
} from './SupportLabel';
export type { SupportLabelKit } from './SupportLabel';
