import '../styles/base.css';
import '../styles/status.css';
import { mountPage } from '../common/mount';
import { StatusApp } from './StatusApp';

void mountPage(StatusApp);
