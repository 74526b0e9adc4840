/** @odoo-module **/

import { registry } from "@web/core/registry";

// Started by tests/test_background_job.py as the grassroots officer of "Công đoàn Trường THPT A",
// with every file "large" (the import is a background job) and the job run inline
// (queue_job__no_delay in the import action's context): import two members from the menu, read
// the outcome, then find the job, done, under Reporting / Background Jobs.

// Two members of the officer's units, as the template's columns (written with xlsxwriter).
const FILE = "UEsDBBQAAAAIAAAAPwBhXUk6TwEAAI8EAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbK2Uy27CMBBF9/2KyNsqMXRRVRWBRR/LFqn0A1x7Qiwc2/IMFP6+k/BQW1Gggk2sZO7cc8eOPBgtG5ctIKENvhT9oicy8DoY66eleJ8853ciQ1LeKBc8lGIFKEbDq8FkFQEzbvZYipoo3kuJuoZGYREieK5UITWK+DVNZVR6pqYgb3q9W6mDJ/CUU+shhoNHqNTcUfa05M/rIAkciuxhLWxZpVAxOqsVcV0uvPlFyTeEgjs7DdY24jULhNxLaCt/AzZ9r7wzyRrIxirRi2pYJU3Q4xQiStYXh132xAxVZTWwx7zhlgLaQAZMHtkSElnYZT7I1iHB/+HbPWq7TyQunURaOcCzR8WYQBmsAahxxdr0CJn4f4L1s382v7M5AvwMafYRwuzSw7Zr0SjrT+B3YpTdcv7UP4Ps/I8dea0SmDdKfA1c/OS/e29zyO4+GX4BUEsDBBQAAAAIAAAAPwDyn0na6QAAAEsCAAALAAAAX3JlbHMvLnJlbHOtksFOwzAMQO98ReT7mm5ICKGluyCk3SY0PsAkbhu1jaPEg+7viZBADI1pB45x7Odny+vNPI3qjVL2HAwsqxoUBcvOh87Ay/5pcQ8qCwaHIwcycKQMm+Zm/UwjSqnJvY9ZFUjIBnqR+KB1tj1NmCuOFMpPy2lCKc/U6Yh2wI70qq7vdPrJgOaEqbbOQNq6Jaj9MdI1bG5bb+mR7WGiIGda/MooZEwdiYF51O+chlfmoSpQ0OddVte7/D2nnkjQoaC2nGgRU6lO4stav3Uc210J58+MS0K3/7kcmoWCI3dZCWP8MtInN9B8AFBLAwQUAAAACAAAAD8ARHVb8OgAAAC5AgAAGgAAAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxzrZLBasMwEETv/Qqx91p2EkopkXMphVzb9AOEtLZMbElot2n99xEJTR0IoQefxIzYmQe7683P0IsDJuqCV1AVJQj0JtjOtwo+d2+PzyCItbe6Dx4VjEiwqR/W79hrzjPkukgih3hS4Jjji5RkHA6aihDR558mpEFzlqmVUZu9blEuyvJJpmkG1FeZYmsVpK2tQOzGiP/JDk3TGXwN5mtAzzcq5HdIe3KInEN1apEVXCySp6cqcirI2zCLOWE4z+IfyEmezbsMyzkZiMc+L/QCcdb36lez1jud0H5wytc2pZjavzDy6uLqI1BLAwQUAAAACAAAAD8A/AExgZ0BAAArBAAAGAAAAHhsL3dvcmtzaGVldHMvc2hlZXQxLnhtbI2TwU7jMBCG7zyF5fvWSbtt2SoJAroRHJDQLuzdTSaJReKJbNPC22OnS2WbHrh55tM/M/9onF29DT3Zg9ICZU7TWUIJyAprIducPj+VPy4p0YbLmvcoIafvoOlVcZEdUL3oDsAQW0DqnHbGjBvGdNXBwPUMR5CWNKgGbmyoWqZHBbyeREPP5kmyYgMXkh4rbNR3amDTiAq2WL0OIM2xiIKeGzu+7sSoaZHVwjLnhyhocnqdbsoFZUU2df4n4KC9NzF89xd6qAzU1j8lztgO8cXBe5tKnJR90ZbTUI+K1NDw1978wcMdiLYztsjy1G3LDS8yhQeipuJ65G5X6WZl56xc8tpmrcbNvS+SjO1ts+o/u/FZGrJbn81DtvXZImS/ffYzZKXPlifG7PwnE/OzJuaecBWZ8Nk6MuGzy8iEz35FJnyWRlsrA5iet7E4a2PhK6Ol3gQw2uptAKO1bgO4jKwEMNpdGcB1ZIV5JzbyFh64aoXUpIfGipLZmhJ1vMjpbXCcXktKdmgMDp9RZ38lKBfZdg2i+Qzc4Z/+efEBUEsDBBQAAAAIAAAAPwALxmOmVgEAACwCAAAPAAAAeGwvd29ya2Jvb2sueG1sjVDLTsMwELzzFdbeaR5qI1o1rcRLVELAobRnE28aq44d2U7T/gWfwJnfKB/GJlUK3DjtzuzuaGem832p2A6tk0anEA1CYKgzI6TepPC6vL+8AuY814IrozGFAzqYzy6mjbHbN2O2jO61S6HwvpoEgcsKLLkbmAo1TXJjS+4J2k3gKotcuALRlyqIwzAJSi41nBQm9j8aJs9lhrcmq0vU/iRiUXFP37tCVg5m01wqXJ0MMV5VT7ykt/cKmOLO3wnpUaQwJGga/EPYurqupWrBKBxBMDubfLFMYM5r5Zf0Wq9OccXDOE7azXZrJbFxP0ctZPu11MI0KcRDSvbQo2gErOn6tRS+ICIJx2fuAeWm8CmMkyRsxYNf6l1+fWW6M/f1bo4fmu3k8ZPi7CYLchGRpYmkxi5E1On0xxlXGXlqS7cYD0fRGFheK3VD3LN+NLwTaI96P7NvUEsDBBQAAAAIAAAAPwDd9OzFWgEAAJECAAAUAAAAeGwvc2hhcmVkU3RyaW5ncy54bWxtkrFOwzAQhnee4uS9tVNB2qAkFQoCFroQ2KPUJJYap8RORUfEiJDoiFiK2JAQC1MzMKTiPfImHCBVKK4n+74/d5+tuMPrbAIzXiiRS49YXUaAyzgfC5l45Dw86gwIKB3JcTTJJffInCsy9HdcpTTgp1J5JNV6uk+pilOeRaqbT7lEcpkXWaTxWCRUTQsejVXKuc4mtMeYTbNISAJxXkqNY3FIKcVVyYNNwXeV8F3tnzTVPczqJej6VbpU+y79AX/wWDTVk0D0JtM2GyX1cg5KmOSsqRYQBMEhxeaPEKeiWX2W7dRp/QLrxdezhFlT3W3vjl45xPWHTDCa10tDcP2A8yFMsQOMmurGCGDxvV2zdinrUctxWJswu285DFe/b7VZ2Dkw4hZlDr63tWdcrlk9x3CxvpUQpLifG15RZnRzqMVQa2Bv0WID+1ert0WrExqyG7N/eYr/lP8NUEsDBBQAAAAIAAAAPwAavBrJjwEAAGMDAAANAAAAeGwvc3R5bGVzLnhtbKWTUWvcMAzH3/cpjN/b3B2srCNJHwoHhW0MeoW9+mIlZ7DlYCvHZZ9+cpwmdzDoQ58s/yX9JFt2+XRxVpwhROOxktv7jRSAjdcGu0q+HfZ336SIpFAr6xEqOUKUT/WXMtJo4fUEQIIJGCt5Iuq/F0VsTuBUvPc9IHtaH5wi3oauiH0ApWNKcrbYbTYPhVMGZV22HimKxg9I3MQs1GX8K87KsrKVRV023vogiPGQglhB5SBHPCtrjsEksVXO2DHLuyRMHc1xzqAPSSxyhWmJnGSsXRrYySzUZa+IIOCeN2K2D2PP5ZEvI2OmuA+iu6DG7e7rVcK0cN2jD5ov//roWapLCy1xQjDdKa3k+yI5ibxjQxvVeVQ2Id8zZoOxDVj7mib0p71hX1qBg9s7etGV5FGn07+b3NBsZkzeJP41LbM/jRWX9pa/oKdCN/RFFWnelfyVnpRdEeI4GEsG/9MwM/Vl7XXykjryy72pwgwNrRosHRZnJVf7J2gzuMcl6rc5e5qjVvtHmtT2Yepg/R71P1BLAwQUAAAACAAAAD8AGPpGVLAFAABSGwAAEwAAAHhsL3RoZW1lL3RoZW1lMS54bWztWU2P20QYvvMrRr63jhM7za6arTbZpIXttqvdtKjHiT2xpxl7rJnJbnND7REJCVEQFyRuHBBQqZW4lF+zUARF6l/g9UeS8WayzbaLALU5JJ7x835/+B3n6rUHMUNHREjKk7blXK5ZiCQ+D2gStq07g/6lloWkwkmAGU9I25oSaV3b+uAq3lQRiQkC8kRu4rYVKZVu2rb0YRvLyzwlCdwbcRFjBUsR2oHAx8A2Zna9VmvaMaaJhRIcA9fboxH1CRpkLK2tGfMeg69EyWzDZ+LQzyXqFDk2GDvZj5zKLhPoCLO2BXICfjwgD5SFGJYKbrStWv6x7K2r9pyIqRW0Gl0//5R0JUEwrud0IhzOCZ2+u3FlZ86/XvBfxvV6vW7PmfPLAdj3wVJnCev2W05nxlMDFZfLvLs1r+ZW8Rr/xhJ+o9PpeBsVfGOBd5fwrVrT3a5X8O4C7y3r39nudpsVvLfAN5fw/SsbTbeKz0ERo8l4CZ3Fcx6ZOWTE2Q0jvAXw1iwBFihby66CPlGrci3G97noAyAPLlY0QWqakhH2AdfF8VBQnAnAmwRrd4otXy5tZbKQ9AVNVdv6KMVQEQvIq+c/vHr+FL16/uTk4bOThz+fPHp08vAnA+ENnIQ64cvvPv/rm0/Qn0+/ffn4SzNe6vjffvz011++MAOVDnzx1ZPfnz158fVnf3z/2ADfFniowwc0JhLdIsfogMdgm0EAGYrzUQwiTCsUOAKkAdhTUQV4a4qZCdchVefdFdAATMDrk/sVXQ8jMVHUANyN4gpwj3PW4cJozm4mSzdnkoRm4WKi4w4wPjLJ7p4KbW+SQiZTE8tuRCpq7jOINg5JQhTK7vExIQaye5RW/LpHfcElHyl0j6IOpkaXDOhQmYlu0BjiMjUpCKGu+GbvLupwZmK/Q46qSCgIzEwsCau48TqeKBwbNcYx05E3sYpMSh5OhV9xuFQQ6ZAwjnoBkdJEc1tMK+ruYuhExrDvsWlcRQpFxybkTcy5jtzh426E49SoM00iHfuhHEOKYrTPlVEJXq2QbA1xwMnKcN+lRJ2vrO/QMDInSHZnIsquXem/MU3OasaMQjd+34xn8G14NJlK4nQLXoX7HzbeHTxJ9gnk+vu++77vvot9d1Utr9ttFw3W1ufinF+8ckgeUcYO1ZSRmzJvzRKUDvqwmS9yovlMnkZwWYqr4EKB82skuPqYqugwwimIcXIJoSxZhxKlXMJJwFrJOz9OUjA+3/NmZ0BAY7XHg2K7oZ8N52zyVSh1QY2MwbrCGlfeTphTANeU5nhmad6Z0mzNm1ANCGcHf6dZL0RDxmBGgszvBYNZWC48RDLCASlj5BgNcRpruq31eq9p0jYabydtnSDp4twV4rwLiFJtKUr2cjmypLpCx6CVV/cs5OO0bY1gkoLLOAV+MmtAmIVJ2/JVacpri/m0wea0dGorDa6ISIVUO1hGBVV+a/bqJFnoX/fczA8XY4ChG62nRaPl/Ita2KdDS0Yj4qsVO4tleY9PFBGHUXCMhmwiDjDo7RbZFVAJz4z6bCGgQt0y8aqVX1bB6Vc0ZXVglka47EktLfYFPL+e65CvNPXsFbq/oSmNCzTFe3dNyTIXxtZGkB+oYAwQGGU52ra4UBGHLpRG1O8LGBxyWaAXgrLIVEIse9+c6UqOFn2r4FE0uTBSBzREgkKnU5EgZF+Vdr6GmVPXn68zRmWfmasr0+J3SI4IG2TV28zst1A06yalI3Lc6aDZpuoahv3/8OTjrph8zh4PFoLc88wirtb0tUfBxtupcM5Hbd1scd1b+1GbwuEDZV/QuKnw2WK+HfADiD6aT5QIEvFSqyy/+eYQdG5pxmWs/tkxahGC1op4X+TwqTm7scLZZ4t7c2d7Bl97Z7vaXi5RWzvI5KulP5748D7I3oGD0oQpWbxNegBHze7sLwPgYy9It/4GUEsDBBQAAAAIAAAAPwCUktprJAEAAFACAAARAAAAZG9jUHJvcHMvY29yZS54bWydks1qwzAQhO99CqO7LcsJoQjbgbbk1EChLi29CWmTiFo/SGodv30VJ3ES8CnH1cx+O7uoXO5Vm/yB89LoCpEsRwloboTU2wp9NKv0ESU+MC1YazRUqAePlvVDyS3lxsGbMxZckOCTCNKecluhXQiWYuz5DhTzWXToKG6MUyzE0m2xZfyHbQEXeb7ACgITLDB8AKZ2JKITUvARaX9dOwAEx9CCAh08JhnBF28Ap/xkw6BcOZUMvYVJ61kc3XsvR2PXdVk3G6wxP8Ff69f3YdVU6sOpOKC6FJxyBywYV5f4uoiHa5kP63jijQTx1Ed94u20yLEPRBID0GPcs/I5e35pVqgu8mKRkiLNi4YQSmZ0Pv8+jLzpvwDVacjdxDPgmPv2E9T/UEsDBBQAAAAIAAAAPwDEpq8KhgEAABYDAAAQAAAAZG9jUHJvcHMvYXBwLnhtbJ1SwU7jMBC971dEvlOnFUKocoxWZREH0FZqgbNxJo2FY1ueIWr3K/gEzvwGfNg6qRpS2NP69ObN0/PzeMTFtrFZCxGNdwWbTnKWgdO+NG5TsLv11ck5y5CUK5X1Dgq2A2QX8odYRh8gkgHMkoPDgtVEYc456hoahZPUdqlT+dgoSmXccF9VRsOl188NOOKzPD/jsCVwJZQnYTBke8d5S/9rWnrd5cP79S4kPyl+hmCNVpQeKW+Njh59RdmvrQYr+LgpktEK9HM0tJO54ONSrLSysEjGslIWQfBPQlyD6ma2VCaiFC3NW9DkY4bmT5rajGWPCqGLU7BWRaMcsb1sX/TYBqQoH3x8whqAUPCB7OFYO8bmVE57QQLHQj4ESfg44tqQBfxdLVWkfySejhP3Gdgo48eLf391WWve39y3lIf7vtyw8E1QLo2RD+jGuCe8C2t/qQgOQz0mxapWEcr0D8PQB0Jcp3TRdvpFrdwGyoPme6Nbgfv9msvpbJKn0//8gRP8c6PlX1BLAQIUAxQAAAAIAAAAPwBhXUk6TwEAAI8EAAATAAAAAAAAAAAAAACAgQAAAABbQ29udGVudF9UeXBlc10ueG1sUEsBAhQDFAAAAAgAAAA/APKfSdrpAAAASwIAAAsAAAAAAAAAAAAAAICBgAEAAF9yZWxzLy5yZWxzUEsBAhQDFAAAAAgAAAA/AER1W/DoAAAAuQIAABoAAAAAAAAAAAAAAICBkgIAAHhsL19yZWxzL3dvcmtib29rLnhtbC5yZWxzUEsBAhQDFAAAAAgAAAA/APwBMYGdAQAAKwQAABgAAAAAAAAAAAAAAICBsgMAAHhsL3dvcmtzaGVldHMvc2hlZXQxLnhtbFBLAQIUAxQAAAAIAAAAPwALxmOmVgEAACwCAAAPAAAAAAAAAAAAAACAgYUFAAB4bC93b3JrYm9vay54bWxQSwECFAMUAAAACAAAAD8A3fTsxVoBAACRAgAAFAAAAAAAAAAAAAAAgIEIBwAAeGwvc2hhcmVkU3RyaW5ncy54bWxQSwECFAMUAAAACAAAAD8AGrwayY8BAABjAwAADQAAAAAAAAAAAAAAgIGUCAAAeGwvc3R5bGVzLnhtbFBLAQIUAxQAAAAIAAAAPwAY+kZUsAUAAFIbAAATAAAAAAAAAAAAAACAgU4KAAB4bC90aGVtZS90aGVtZTEueG1sUEsBAhQDFAAAAAgAAAA/AJSS2mskAQAAUAIAABEAAAAAAAAAAAAAAICBLxAAAGRvY1Byb3BzL2NvcmUueG1sUEsBAhQDFAAAAAgAAAA/AMSmrwqGAQAAFgMAABAAAAAAAAAAAAAAAICBghEAAGRvY1Byb3BzL2FwcC54bWxQSwUGAAAAAAoACgCAAgAANhMAAAAA";

function xlsxFile() {
    const bytes = Uint8Array.from(atob(FILE), (c) => c.charCodeAt(0));
    return new File([bytes], "nen.xlsx", {
        type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
}

registry.category("web_tour.tours").add("union_import_job_tour", {
    url: "/odoo/action-union_membership.union_member_action",
    steps: () => [
        {
            content: "Members menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_membership.union_menu_members']",
            run: "click",
        },
        {
            content: "Import Members",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_membership.union_member_import_wizard_menu']",
            run: "click",
        },
        {
            content: "Choose the file",
            trigger: ".modal .o_field_widget[name='file'] input[type='file']:not(:visible)",
            run() {
                const input = document.querySelector(".modal .o_field_widget[name='file'] input[type='file']");
                const transfer = new DataTransfer();
                transfer.items.add(xlsxFile());
                input.files = transfer.files;
                input.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The file is chosen",
            trigger: ".modal .o_field_widget[name='file'] input.o_input:value(nen.xlsx)",
        },
        {
            content: "Import: a background job, run at once here",
            trigger: ".modal footer button[name='action_import']",
            run: "click",
        },
        {
            content: "Done: two members created",
            trigger: ".modal .alert-success:contains('2')",
        },
        {
            content: "No second import from the same dialog",
            trigger: ".modal footer:not(:has(button[name='action_import']))",
        },
        {
            content: "Close",
            trigger: ".modal-header .btn-close",
            run: "click",
        },
        {
            content: "Reporting menu",
            trigger: ".o_menu_sections button[data-menu-xmlid='union_membership.union_menu_reporting']",
            run: "click",
        },
        {
            content: "Background Jobs",
            trigger: ".o-dropdown-item[data-menu-xmlid='union_membership.union_background_job_menu']",
            run: "click",
        },
        {
            content: "The import's job: done, at 100 %",
            trigger: ".o_list_view .o_data_row:has(.o_field_widget[name='state'] .text-bg-success):has(.o_progressbar_value:contains('100'))",
        },
        {
            content: "Open it",
            trigger: ".o_list_view .o_data_row .o_data_cell[name='name']",
            run: "click",
        },
        {
            content: "Its outcome",
            trigger: ".o_form_view .o_field_widget[name='message']:contains('2')",
        },
    ],
});
