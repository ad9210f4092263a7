import type { CliCommand } from '../cli-context';
import { accountAdd } from './account-add';
import { accountList } from './account-list';
import { audit } from './audit';
import { backup } from './backup';
import { balance } from './balance';
import { cards } from './cards';
import { release, unissue, voidCommand } from './card-custody';
import { handoutCreate, handoutList, handoutRecord, handoutReturn, handoutShow } from './handout';
import { issue } from './issue';
import { stock } from './stock';
import { exportCommand } from './export';
import { order } from './order';
import { orders } from './orders';
import { orderName } from './order-name';
import { passcodeChange } from './passcode-change';
import { products } from './products';
import { recoveryKit } from './recovery-kit';
import { reportOrders, reportSpend } from './report';
import { restore } from './restore';
import { resume } from './resume';
import { settingsList, settingsSet } from './settings';
import { sheet } from './sheet';

/** Every CLI command. Two-word names are matched before one-word ones. */
export const COMMANDS: CliCommand[] = [
  accountAdd,
  accountList,
  products,
  order,
  orderName,
  resume,
  orders,
  cards,
  sheet,
  exportCommand,
  stock,
  handoutCreate,
  handoutList,
  handoutShow,
  handoutReturn,
  handoutRecord,
  issue,
  unissue,
  voidCommand,
  release,
  audit,
  reportSpend,
  reportOrders,
  settingsSet,
  settingsList,
  balance,
  backup,
  restore,
  passcodeChange,
  recoveryKit,
];
