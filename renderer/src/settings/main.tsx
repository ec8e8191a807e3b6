import '../styles/base.css';
import '../styles/settings.css';
import { mountPage } from '../common/mount';
import { SettingsApp } from './SettingsApp';

void mountPage(SettingsApp);
