package com.asan.audience.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Pages whose features arrive with later work. */
@Controller
class PlaceholderPagesController {

    @GetMapping("/campaigns")
    String campaigns(Model model) {
        model.addAttribute("title", "Campaigns");
        model.addAttribute("active", "campaigns");
        return "coming-soon";
    }
}
