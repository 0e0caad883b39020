import { registerMessages } from '../../../i18n/messages'
import { microProjectsMessages } from '../../../i18n/microProjects'

/** Micro-projects' texts join the message table when this subpackage loads: every page imports this module first. */
registerMessages(microProjectsMessages)
