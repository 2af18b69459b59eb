/**
 * @module web/main
 * The web app's entry: the chat screen of 小新 (also the kiosk and the widget's frame).
 */
import { createApp } from 'vue';
import App from './App.vue';
import './styles/app.css';
import './styles/layout.css';

createApp(App).mount('#app');
