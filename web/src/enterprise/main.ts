/**
 * @module web/enterprise/main
 * The enterprise portal's entry (/enterprise): an enterprise's staff register or log in (with a
 * password or the province's identity service) and keep their enterprise's profile. A separate
 * page with its own bundle, like the back office.
 */
import { createApp } from 'vue';
import EnterpriseApp from './EnterpriseApp.vue';
import '../admin/styles/admin.css';
import './enterprise.css';

createApp(EnterpriseApp).mount('#app');
