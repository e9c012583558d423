/** Email campaigns: historical campaigns and their engagement events (sending arrives with the campaign issue). */
package com.asan.audience.campaign;
