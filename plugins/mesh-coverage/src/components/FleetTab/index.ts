export { FleetTab } from './FleetTab';
