export { EditionNote, EditionSwitch } from './EditionSwitch';
