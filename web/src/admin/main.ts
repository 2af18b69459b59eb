/**
 * @module web/admin/main
 * The back office's entry (/admin): staff log in, keep the knowledge base, review changes, read
 * the insights. A separate page from the public app, with its own bundle.
 */
import { createApp } from 'vue';
import AdminApp from './AdminApp.vue';
import './styles/admin.css';

createApp(AdminApp).mount('#app');
